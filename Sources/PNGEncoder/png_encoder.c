// libpng reports errors by longjmp, which must not cross Swift frames: the whole encode, with
// its setjmp, stays in C.
#include "PNGEncoder.h"
#include <png.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    uint8_t *data;
    size_t size;
    size_t capacity;
    char *error;
    size_t error_size;
} sink;

static void on_error(png_structp png, png_const_charp message) {
    sink *out = png_get_error_ptr(png);
    if (out->error_size > 0) {
        strncpy(out->error, message, out->error_size - 1);
        out->error[out->error_size - 1] = 0;
    }
    png_longjmp(png, 1);
}

static void on_warning(png_structp png, png_const_charp message) { (void)png; (void)message; }

static void on_write(png_structp png, png_bytep bytes, png_size_t length) {
    sink *out = png_get_io_ptr(png);
    if (out->size + length > out->capacity) {
        size_t capacity = out->capacity ? out->capacity : 65536;
        while (capacity < out->size + length) capacity *= 2;
        uint8_t *grown = realloc(out->data, capacity);
        if (!grown) { png_error(png, "out of memory"); }
        out->data = grown;
        out->capacity = capacity;
    }
    memcpy(out->data + out->size, bytes, length);
    out->size += length;
}

static void on_flush(png_structp png) { (void)png; }

int swan_png_encode_rgb24(const uint8_t *pixels, int width, int height, int stride,
                          int level, swan_png_filter filter,
                          uint8_t **out, size_t *out_size, char *error, size_t error_size) {
    if (error_size > 0) error[0] = 0;
    // On the heap: what the callbacks change survives the longjmp.
    sink *result = calloc(1, sizeof *result);
    if (!result) { if (error_size > 0) strncpy(error, "out of memory", error_size - 1); return -1; }
    result->error = error;
    result->error_size = error_size;
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, result, on_error, on_warning);
    if (!png) { free(result); if (error_size > 0) strncpy(error, "png_create_write_struct failed", error_size - 1); return -1; }
    png_infop info = png_create_info_struct(png);
    if (!info || setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, info ? &info : NULL);
        free(result->data);
        free(result);
        if (error_size > 0 && error[0] == 0) strncpy(error, "png_create_info_struct failed", error_size - 1);
        return -1;
    }
    png_set_write_fn(png, result, on_write, on_flush);
    png_set_compression_level(png, level);
    int filters = PNG_ALL_FILTERS;
    switch (filter) {
    case SWAN_PNG_FILTER_NONE: filters = PNG_FILTER_NONE; break;
    case SWAN_PNG_FILTER_SUB: filters = PNG_FILTER_SUB; break;
    case SWAN_PNG_FILTER_UP: filters = PNG_FILTER_UP; break;
    case SWAN_PNG_FILTER_PAETH: filters = PNG_FILTER_PAETH; break;
    case SWAN_PNG_FILTER_ADAPTIVE: filters = PNG_ALL_FILTERS; break;
    }
    png_set_filter(png, PNG_FILTER_TYPE_BASE, filters);
    png_set_IHDR(png, info, (png_uint_32)width, (png_uint_32)height, 8, PNG_COLOR_TYPE_RGB,
                 PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_BASE, PNG_FILTER_TYPE_BASE);
    png_write_info(png, info);
    // The 32-bit pixel in memory: B, G, R, unused on little-endian machines, unused, R, G, B on big-endian.
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    png_set_bgr(png);
    png_set_filler(png, 0, PNG_FILLER_AFTER);
#else
    png_set_filler(png, 0, PNG_FILLER_BEFORE);
#endif
    for (int y = 0; y < height; y++) {
        png_write_row(png, (png_const_bytep)(pixels + (size_t)y * (size_t)stride));
    }
    png_write_end(png, NULL);
    png_destroy_write_struct(&png, &info);
    *out = result->data;
    *out_size = result->size;
    free(result);
    return 0;
}

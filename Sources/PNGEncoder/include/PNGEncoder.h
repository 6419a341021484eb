// A PNG writer for cairo image surfaces through libpng, with the zlib level and row filter
// chosen by the caller (cairo_surface_write_to_png uses libpng's defaults: level 6 and adaptive
// filtering over all five filters, four fifths of a default run's CPU time).
#ifndef SWAN_PNG_ENCODER_H
#define SWAN_PNG_ENCODER_H
#include <stddef.h>
#include <stdint.h>

typedef enum {
    SWAN_PNG_FILTER_NONE = 0,
    SWAN_PNG_FILTER_SUB = 1,
    SWAN_PNG_FILTER_UP = 2,
    SWAN_PNG_FILTER_PAETH = 4,
    SWAN_PNG_FILTER_ADAPTIVE = 5,
} swan_png_filter;

/// Encodes `height` rows of `width` pixels in cairo's CAIRO_FORMAT_RGB24 (32-bit native-endian
/// 0x00RRGGBB, rows `stride` bytes apart) as an 8-bit RGB PNG with no ancillary chunks (so the
/// bytes depend on the pixels only). On success returns 0 and sets *out / *out_size to a buffer
/// the caller frees with free(); on failure returns -1 and writes libpng's message into
/// `error` (at most error_size bytes, NUL-terminated).
int swan_png_encode_rgb24(const uint8_t *pixels, int width, int height, int stride,
                          int level, swan_png_filter filter,
                          uint8_t **out, size_t *out_size, char *error, size_t error_size);
#endif

#include <hb.h>
#include <hb-ot.h>
#include <hb-subset.h>
#include <stdlib.h>

/* Glyph outlines for the native PDF writer (decorative text is drawn as paths, not text).
   HarfBuzz calls back per segment; the callbacks collect PDF path operators in font units:
   op 'm' (x y), 'l' (x y), 'c' (x1 y1 x2 y2 x y), 'h'. Quadratic segments become cubics. */
typedef struct {
    char *ops;
    float *values;
    unsigned count, value_count, capacity, value_capacity;
} swan_outline_t;

static inline void swan_outline_push(swan_outline_t *o, char op, const float *v, unsigned n) {
    if (o->count + 1 > o->capacity) {
        o->capacity = o->capacity ? o->capacity * 2 : 64;
        o->ops = (char *)realloc(o->ops, o->capacity);
    }
    if (o->value_count + n > o->value_capacity) {
        o->value_capacity = o->value_capacity ? o->value_capacity * 2 + n : 256;
        o->values = (float *)realloc(o->values, o->value_capacity * sizeof(float));
    }
    o->ops[o->count++] = op;
    for (unsigned i = 0; i < n; i++) o->values[o->value_count++] = v[i];
}

static void swan_move_to(hb_draw_funcs_t *f, void *d, hb_draw_state_t *st, float x, float y, void *u) {
    float v[2] = {x, y}; swan_outline_push((swan_outline_t *)d, 'm', v, 2);
}
static void swan_line_to(hb_draw_funcs_t *f, void *d, hb_draw_state_t *st, float x, float y, void *u) {
    float v[2] = {x, y}; swan_outline_push((swan_outline_t *)d, 'l', v, 2);
}
static void swan_quad_to(hb_draw_funcs_t *f, void *d, hb_draw_state_t *st, float cx, float cy, float x, float y, void *u) {
    float x0 = st->current_x, y0 = st->current_y;
    float v[6] = {x0 + 2.f / 3.f * (cx - x0), y0 + 2.f / 3.f * (cy - y0),
                  x + 2.f / 3.f * (cx - x), y + 2.f / 3.f * (cy - y), x, y};
    swan_outline_push((swan_outline_t *)d, 'c', v, 6);
}
static void swan_cubic_to(hb_draw_funcs_t *f, void *d, hb_draw_state_t *st, float c1x, float c1y, float c2x, float c2y, float x, float y, void *u) {
    float v[6] = {c1x, c1y, c2x, c2y, x, y}; swan_outline_push((swan_outline_t *)d, 'c', v, 6);
}
static void swan_close(hb_draw_funcs_t *f, void *d, hb_draw_state_t *st, void *u) {
    swan_outline_push((swan_outline_t *)d, 'h', 0, 0);
}

/* The outline of `glyph` at the font's scale; free it with swan_outline_free. */
static inline swan_outline_t swan_glyph_outline(hb_font_t *font, hb_codepoint_t glyph) {
    swan_outline_t outline = {0, 0, 0, 0, 0, 0};
    hb_draw_funcs_t *funcs = hb_draw_funcs_create();
    hb_draw_funcs_set_move_to_func(funcs, swan_move_to, 0, 0);
    hb_draw_funcs_set_line_to_func(funcs, swan_line_to, 0, 0);
    hb_draw_funcs_set_quadratic_to_func(funcs, swan_quad_to, 0, 0);
    hb_draw_funcs_set_cubic_to_func(funcs, swan_cubic_to, 0, 0);
    hb_draw_funcs_set_close_path_func(funcs, swan_close, 0, 0);
    hb_font_get_glyph_shape(font, glyph, funcs, &outline);
    hb_draw_funcs_destroy(funcs);
    return outline;
}

static inline void swan_outline_free(swan_outline_t *o) { free(o->ops); free(o->values); }

static inline hb_tag_t swan_hb_subset_tag(char a, char b, char c, char d) { return HB_TAG(a, b, c, d); }

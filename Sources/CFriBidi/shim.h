#include <fribidi.h>

/* FRIBIDI_PAR_ON and the type masks are macro expressions Swift cannot import. */
static inline FriBidiParType swan_fribidi_par_on(void) { return FRIBIDI_PAR_ON; }
static inline FriBidiParType swan_fribidi_par_rtl(void) { return FRIBIDI_PAR_RTL; }
static inline int swan_fribidi_type_is_rtl_strong(FriBidiCharType type) {
    return type == FRIBIDI_TYPE_RTL || type == FRIBIDI_TYPE_AL || type == FRIBIDI_TYPE_RLE
        || type == FRIBIDI_TYPE_RLO || type == FRIBIDI_TYPE_RLI;
}

/* What cairo cannot write (SwanRender's PDFPostProcessor): TrimBox and BleedBox per page and the
 * viewer preferences, added with qpdf's C API to cairo's finished bytes in memory, which also
 * gives the file a deterministic /ID. */
#include "library.h"

#include <qpdf/qpdf-c.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static qpdf_oh rectangle(qpdf_data qpdf, const double values[4]) {
    qpdf_oh array = qpdf_oh_new_array(qpdf);
    for (int i = 0; i < 4; i++) qpdf_oh_append_item(qpdf, array, qpdf_oh_new_real_from_double(qpdf, values[i], 4));
    return array;
}

static int failed(qpdf_data qpdf, QPDF_ERROR_CODE code, char* detail, size_t detail_size) {
    if (!(code & QPDF_ERRORS)) return 0;
    const char* text = "qpdf error";
    qpdf_error error = qpdf_has_error(qpdf) ? qpdf_get_error(qpdf) : NULL;
    if (error && qpdf_get_error_full_text(qpdf, error)) text = qpdf_get_error_full_text(qpdf, error);
    if (detail_size) snprintf(detail, detail_size, "%s", text);
    return 1;
}

static swan_qpdf_finish_status edit(qpdf_data qpdf, const swan_qpdf_page_boxes* pages, size_t page_count,
                                    const char* viewer_preferences, unsigned char** output, size_t* output_length,
                                    char* detail, size_t detail_size) {
    int count = qpdf_get_num_pages(qpdf);
    for (size_t index = 0; index < page_count && (int)index < count; index++) {
        qpdf_oh page = qpdf_get_page_n(qpdf, index);
        if (pages[index].has_trim_box) qpdf_oh_replace_key(qpdf, page, "/TrimBox", rectangle(qpdf, pages[index].trim_box));
        if (pages[index].has_bleed_box) qpdf_oh_replace_key(qpdf, page, "/BleedBox", rectangle(qpdf, pages[index].bleed_box));
    }
    if (viewer_preferences) {
        qpdf_oh dictionary = qpdf_oh_parse(qpdf, viewer_preferences);
        qpdf_oh_replace_key(qpdf, qpdf_get_root(qpdf), "/ViewerPreferences", dictionary);
    }
    if (failed(qpdf, qpdf_init_write_memory(qpdf), detail, detail_size)) return SWAN_QPDF_FAILED;
    qpdf_set_deterministic_ID(qpdf, QPDF_TRUE);
    if (failed(qpdf, qpdf_write(qpdf), detail, detail_size)) return SWAN_QPDF_FAILED;
    const unsigned char* buffer = qpdf_get_buffer(qpdf);
    if (!buffer) return SWAN_QPDF_WROTE_NOTHING;
    size_t length = qpdf_get_buffer_length(qpdf);
    *output = malloc(length ? length : 1);
    if (!*output) { if (detail_size) snprintf(detail, detail_size, "out of memory"); return SWAN_QPDF_FAILED; }
    memcpy(*output, buffer, length);
    *output_length = length;
    return SWAN_QPDF_FINISHED;
}

swan_qpdf_finish_status swan_qpdf_finish_cairo(const void* bytes, size_t length, const swan_qpdf_page_boxes* pages,
                                               size_t page_count, const char* viewer_preferences,
                                               unsigned char** output, size_t* output_length,
                                               char* detail, size_t detail_size) {
    *output = NULL;
    *output_length = 0;
    if (detail_size) detail[0] = '\0';
    qpdf_data qpdf = qpdf_init();
    if (!qpdf) return SWAN_QPDF_NOT_INITIALISED;
    qpdf_silence_errors(qpdf);
    swan_qpdf_finish_status status = SWAN_QPDF_FAILED;
    // qpdf reads the buffer lazily, until qpdf_write is done: the caller keeps `bytes` alive.
    if (!failed(qpdf, qpdf_read_memory(qpdf, "cairo.pdf", bytes, length, NULL), detail, detail_size)) {
        status = edit(qpdf, pages, page_count, viewer_preferences, output, output_length, detail, detail_size);
    }
    qpdf_cleanup(&qpdf);
    return status;
}

/* The one symbol swan looks up (SWAN_QPDF_ENTRY): the library's functions as a table. */
#include "library.h"

#include <stdlib.h>

static void free_buffer(void* buffer) { free(buffer); }

static const swan_qpdf_api api = {
    .pdf_open = swan_pdf_open,
    .pdf_close = swan_pdf_close,
    .pdf_fields = swan_pdf_fields,
    .pdf_source_files = swan_pdf_source_files,
    .pdf_source_file_info = swan_pdf_source_file_info,
    .pdf_source_file_data = swan_pdf_source_file_data,
    .finish_cairo = swan_qpdf_finish_cairo,
    .free_buffer = free_buffer,
};

__attribute__((visibility("default"))) const swan_qpdf_api* swan_qpdf_api_v1(void) { return &api; }

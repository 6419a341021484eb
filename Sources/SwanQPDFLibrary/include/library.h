/* The functions of libswanqpdf, gathered into its table by api.c (see swan_qpdf.h in CSwanQPDF). */
#ifndef SWAN_QPDF_LIBRARY_H
#define SWAN_QPDF_LIBRARY_H

#include "swan_qpdf.h"

#ifdef __cplusplus
extern "C" {
#endif

swan_pdf* swan_pdf_open(const void* bytes, size_t length, const swan_pdf_limits* limits, swan_pdf_error* error);
void swan_pdf_close(swan_pdf* pdf);
int swan_pdf_fields(swan_pdf* pdf, swan_pdf_field_visitor visitor, void* context, swan_pdf_error* error);
long long swan_pdf_source_files(swan_pdf* pdf, swan_pdf_error* error);
int swan_pdf_source_file_info(swan_pdf* pdf, size_t index, swan_pdf_source_file* info);
int swan_pdf_source_file_data(swan_pdf* pdf, size_t index, size_t limit, unsigned char** data, size_t* length,
                              swan_pdf_error* error);
swan_qpdf_finish_status swan_qpdf_finish_cairo(const void* bytes, size_t length, const swan_qpdf_page_boxes* pages,
                                               size_t page_count, const char* viewer_preferences,
                                               unsigned char** output, size_t* output_length,
                                               char* detail, size_t detail_size);

#ifdef __cplusplus
}
#endif

#endif

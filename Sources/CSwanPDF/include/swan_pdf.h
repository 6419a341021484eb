/* Reading a PDF with budgets (issue 26): libqpdf's C++ API behind a small C interface, so that
 * every stream swan decodes goes through a pipeline that counts and stops past a limit, the
 * object streams are measured before qpdf expands them, and the form's field tree is walked
 * without recursion. Nothing here prints: qpdf's warnings are discarded, its errors returned. */
#ifndef SWAN_PDF_H
#define SWAN_PDF_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct swan_pdf swan_pdf;

typedef enum {
    SWAN_PDF_OK = 0,
    /* Not a PDF qpdf can read; detail is qpdf's message (without a file name), position the byte. */
    SWAN_PDF_UNREADABLE,
    /* An object stream decodes to more than limit bytes; number is its object number. */
    SWAN_PDF_OBJECT_STREAM_TOO_LARGE,
    /* An object stream lies inside another object stream (forbidden); number is its object number. */
    SWAN_PDF_OBJECT_STREAM_NESTED,
    /* The streams decoded from the file together exceed limit bytes. */
    SWAN_PDF_DECODED_TOO_MUCH,
    /* An embedded file decodes (or says it decodes) to more than limit bytes. */
    SWAN_PDF_FILE_TOO_LARGE,
    /* An embedded file's filters cannot be undone; detail says why when qpdf did. */
    SWAN_PDF_FILE_UNDECODABLE,
    /* An embedded file has no stream. */
    SWAN_PDF_FILE_MISSING,
    /* The field tree is nested deeper than limit. */
    SWAN_PDF_FIELDS_TOO_DEEP,
    /* The form has more than limit terminal fields. */
    SWAN_PDF_TOO_MANY_FIELDS,
    /* A field's full name is longer than limit bytes. */
    SWAN_PDF_NAME_TOO_LONG,
    /* The names and values of all fields together exceed limit bytes. */
    SWAN_PDF_TEXT_TOO_LARGE,
    /* The document lists more than limit associated files. */
    SWAN_PDF_TOO_MANY_FILES
} swan_pdf_status;

typedef struct {
    swan_pdf_status status;
    /* qpdf's own words, NUL-terminated, cut at 400 bytes; empty when there are none. */
    char detail[400];
    /* A byte offset in the file, or -1. */
    long long position;
    long long number;
    long long limit;
} swan_pdf_error;

typedef struct {
    /* Decoded bytes of one object stream. */
    size_t object_stream_limit;
    /* Decoded bytes of all streams swan decodes in the file together. */
    size_t decoded_limit;
    size_t depth_limit;
    size_t field_limit;
    size_t name_limit;
    /* Bytes of all field names and values together. */
    size_t text_limit;
    /* Associated files listed in /AF (each counted once). */
    size_t file_limit;
} swan_pdf_limits;

/* Opens a copy of `bytes`, then measures every object stream (each decoded once, into a
 * counter, with the limits) before anything else is read. NULL and `error` on failure. */
swan_pdf* swan_pdf_open(const void* bytes, size_t length, const swan_pdf_limits* limits, swan_pdf_error* error);
void swan_pdf_close(swan_pdf* pdf);

typedef enum { SWAN_PDF_VALUE_NONE = 0, SWAN_PDF_VALUE_TEXT, SWAN_PDF_VALUE_NAME, SWAN_PDF_VALUE_TEXTS } swan_pdf_value_kind;

/* One terminal field: strings are UTF-8 with a length (a U+0000 may be inside), names without
 * their slash. Valid only during the callback. */
typedef struct {
    const char* name;
    size_t name_length;
    /* /FT, inherited; NULL when none. */
    const char* type;
    long long flags;
    swan_pdf_value_kind value_kind;
    const char* const* values;
    const size_t* value_lengths;
    size_t value_count;
    /* The on-states of the field's widgets: the names in each /AP /N dictionary other than /Off. */
    const char* const* on_states;
    const size_t* on_state_lengths;
    size_t on_state_count;
} swan_pdf_field;

typedef void (*swan_pdf_field_visitor)(void* context, const swan_pdf_field* field);

/* Every terminal field of /AcroForm /Fields, in document order, walked with an explicit stack.
 * Returns 0, or -1 with `error`. */
int swan_pdf_fields(swan_pdf* pdf, swan_pdf_field_visitor visitor, void* context, swan_pdf_error* error);

/* The catalog's associated files with /AFRelationship /Source, each stream once, none decoded.
 * Returns their number, or -1 with `error`. */
long long swan_pdf_source_files(swan_pdf* pdf, swan_pdf_error* error);

typedef struct {
    const char* name;
    size_t name_length;
    /* /Subtype of the embedded file stream (e.g. application/json); NULL when none. */
    const char* media_type;
    /* /Params /Size, or -1. */
    long long declared_size;
} swan_pdf_source_file;

/* The file at `index` of the last swan_pdf_source_files; valid until swan_pdf_close. */
int swan_pdf_source_file_info(swan_pdf* pdf, size_t index, swan_pdf_source_file* info);

/* Decodes the file at `index`, at most `limit` bytes, into a buffer to release with free().
 * Returns 0, or -1 with `error`. */
int swan_pdf_source_file_data(swan_pdf* pdf, size_t index, size_t limit, unsigned char** data, size_t* length,
                              swan_pdf_error* error);

#ifdef __cplusplus
}
#endif

#endif

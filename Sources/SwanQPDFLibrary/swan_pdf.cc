// Reading a PDF with budgets: see swan_qpdf.h (CSwanQPDF). Every exception stays inside this file.
#include "library.h"

// qpdf 11 warns unless told which PointerHolder it may use; this file uses none.
#define POINTERHOLDER_TRANSITION 4

#include <qpdf/Pipeline.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFExc.hh>
#include <qpdf/QPDFLogger.hh>
#include <qpdf/QPDFObjectHandle.hh>

#include <cstdlib>
#include <cstring>
#include <exception>
#include <set>
#include <string>
#include <vector>

namespace {

// Thrown inside a pipeline to stop a decode; qpdf catches it, the flag says why.
struct BudgetExceeded : std::exception {
    const char* what() const noexcept override { return "decoding budget exceeded"; }
};

// The end of a decode: counts every byte, keeps them only when asked, and stops the decode
// once `limit` bytes (or the file's remaining budget) would be passed.
class CountingSink : public Pipeline {
  public:
    CountingSink(size_t limit, size_t* remaining, std::string* keep)
        : Pipeline("swan budget", nullptr), limit(limit), remaining(remaining), keep(keep) {}

    void write(unsigned char const* data, size_t length) override {
        if (length > limit - count) { overStream = true; throw BudgetExceeded(); }
        if (length > *remaining) { overFile = true; throw BudgetExceeded(); }
        count += length;
        *remaining -= length;
        if (keep) keep->append(reinterpret_cast<char const*>(data), length);
    }
    void finish() override {}

    size_t limit;
    size_t count = 0;
    size_t* remaining;
    std::string* keep;
    bool overStream = false;
    bool overFile = false;
};

struct SourceFile {
    std::string name;
    std::string mediaType;
    bool hasMediaType = false;
    long long declaredSize = -1;
    QPDFObjectHandle stream;
};

}  // namespace

struct swan_pdf {
    std::string bytes;
    swan_pdf_limits limits;
    QPDF qpdf;
    size_t remaining = 0;
    std::vector<SourceFile> files;
};

namespace {

void clear(swan_pdf_error* error) {
    if (!error) return;
    error->status = SWAN_PDF_OK;
    error->detail[0] = 0;
    error->position = -1;
    error->number = 0;
    error->limit = 0;
}

void fail(swan_pdf_error* error, swan_pdf_status status, long long limit = 0, long long number = 0,
          std::string const& detail = "", long long position = -1) {
    if (!error) return;
    error->status = status;
    std::strncpy(error->detail, detail.c_str(), sizeof(error->detail) - 1);
    error->detail[sizeof(error->detail) - 1] = 0;
    error->position = position;
    error->number = number;
    error->limit = limit;
}

// qpdf's message without the made-up file name it puts in front.
void unreadable(swan_pdf_error* error, std::exception const& exception) {
    if (auto qpdfError = dynamic_cast<QPDFExc const*>(&exception)) {
        fail(error, SWAN_PDF_UNREADABLE, 0, 0, qpdfError->getMessageDetail(), qpdfError->getFilePosition());
    } else {
        fail(error, SWAN_PDF_UNREADABLE, 0, 0, exception.what());
    }
}

// Runs `body`; any exception becomes an error (qpdf throws on damage it cannot repair).
template <typename Body> int guarded(swan_pdf_error* error, Body body) {
    try {
        return body();
    } catch (std::bad_alloc const&) {
        fail(error, SWAN_PDF_UNREADABLE, 0, 0, "out of memory");
    } catch (std::exception const& exception) {
        unreadable(error, exception);
    } catch (...) {
        fail(error, SWAN_PDF_UNREADABLE, 0, 0, "unknown error");
    }
    return -1;
}

std::string nameText(QPDFObjectHandle handle) {
    std::string name = handle.getName();
    return name.empty() ? name : name.substr(1);
}

// Every object stream, measured once through a counter before qpdf expands any of them.
int measureObjectStreams(swan_pdf* pdf, swan_pdf_error* error) {
    auto table = pdf->qpdf.getXRefTable();
    std::set<int> streams;
    for (auto const& entry : table) {
        if (entry.second.getType() == 2) streams.insert(entry.second.getObjStreamNumber());
    }
    for (int number : streams) {
        auto own = table.find(QPDFObjGen(number, 0));
        if (own == table.end()) continue;  // qpdf reports the missing stream when it is needed
        if (own->second.getType() != 1) {
            fail(error, SWAN_PDF_OBJECT_STREAM_NESTED, 0, number);
            return -1;
        }
        QPDFObjectHandle stream = pdf->qpdf.getObjectByID(number, 0);
        if (!stream.isStream()) continue;
        CountingSink sink(pdf->limits.object_stream_limit, &pdf->remaining, nullptr);
        stream.pipeStreamData(&sink, nullptr, 0, qpdf_dl_specialized, true, false);
        if (sink.overStream) {
            fail(error, SWAN_PDF_OBJECT_STREAM_TOO_LARGE, (long long)pdf->limits.object_stream_limit, number);
            return -1;
        }
        if (sink.overFile) {
            fail(error, SWAN_PDF_DECODED_TOO_MUCH, (long long)pdf->limits.decoded_limit);
            return -1;
        }
    }
    return 0;
}

// One node of the field tree met during the walk.
struct Node {
    long parent;  // index in the walk's node list, -1 at the top
    size_t depth;
    bool hasName;
    std::string partialName;
    // What the node has or inherits.
    std::string type;
    bool hasType;
    long long flags;
    QPDFObjectHandle value;
};

void addOnStates(QPDFObjectHandle widget, std::set<std::string>& states) {
    if (!widget.isDictionary()) return;
    QPDFObjectHandle appearance = widget.getKey("/AP");
    if (!appearance.isDictionary()) return;
    QPDFObjectHandle normal = appearance.getKey("/N");
    if (!normal.isDictionary()) return;
    for (auto const& key : normal.getKeys()) {
        if (key != "/Off") states.insert(key.substr(1));
    }
}

int walkFields(swan_pdf* pdf, swan_pdf_field_visitor visitor, void* context, swan_pdf_error* error) {
    swan_pdf_limits const& limits = pdf->limits;
    QPDFObjectHandle form = pdf->qpdf.getRoot().getKey("/AcroForm");
    if (!form.isDictionary()) return 0;
    QPDFObjectHandle top = form.getKey("/Fields");
    if (!top.isArray()) return 0;

    std::vector<Node> nodes;
    // To visit: (handle, parent index, depth), the last one next; kids pushed in reverse keep document order.
    struct Pending { QPDFObjectHandle handle; long parent; size_t depth; };
    std::vector<Pending> stack;
    for (int index = top.getArrayNItems() - 1; index >= 0; --index) stack.push_back({top.getArrayItem(index), -1, 1});
    std::set<QPDFObjGen> visited;
    size_t fieldCount = 0, textBytes = 0;

    while (!stack.empty()) {
        Pending pending = stack.back();
        stack.pop_back();
        QPDFObjectHandle node = pending.handle;
        if (!node.isDictionary()) continue;
        if (node.isIndirect()) {
            // A malformed file may make /Kids a cycle, or list one field twice.
            if (!visited.insert(node.getObjGen()).second) continue;
        }
        if (pending.depth > limits.depth_limit) {
            fail(error, SWAN_PDF_FIELDS_TOO_DEEP, (long long)limits.depth_limit);
            return -1;
        }
        Node here;
        if (pending.parent >= 0) {
            Node const& parent = nodes[pending.parent];
            here = {pending.parent, pending.depth, false, "", parent.type, parent.hasType, parent.flags, parent.value};
        } else {
            here = {-1, pending.depth, false, "", "", false, 0, QPDFObjectHandle::newNull()};
        }
        if (node.hasKey("/T")) {
            here.hasName = true;
            QPDFObjectHandle partial = node.getKey("/T");
            if (partial.isString()) here.partialName = partial.getUTF8Value();
            if (here.partialName.size() > limits.name_limit) {
                fail(error, SWAN_PDF_NAME_TOO_LONG, (long long)limits.name_limit);
                return -1;
            }
        }
        QPDFObjectHandle type = node.getKey("/FT");
        if (type.isName()) { here.type = nameText(type); here.hasType = true; }
        QPDFObjectHandle flags = node.getKey("/Ff");
        if (flags.isInteger()) here.flags = flags.getIntValue();
        if (node.hasKey("/V")) here.value = node.getKey("/V");
        long index = (long)nodes.size();
        nodes.push_back(here);

        // Kids with a /T are fields; kids without are this field's widgets.
        QPDFObjectHandle kids = node.getKey("/Kids");
        std::vector<QPDFObjectHandle> childFields;
        std::set<std::string> onStates;
        addOnStates(node, onStates);
        if (kids.isArray()) {
            int count = kids.getArrayNItems();
            for (int item = 0; item < count; ++item) {
                QPDFObjectHandle kid = kids.getArrayItem(item);
                if (!kid.isDictionary()) continue;
                if (kid.hasKey("/T")) childFields.push_back(kid); else addOnStates(kid, onStates);
            }
        }
        if (!childFields.empty()) {
            for (auto kid = childFields.rbegin(); kid != childFields.rend(); ++kid) stack.push_back({*kid, index, pending.depth + 1});
            continue;
        }

        // A terminal field: its full name, built once from the chain of named ancestors.
        if (++fieldCount > limits.field_limit) {
            fail(error, SWAN_PDF_TOO_MANY_FIELDS, (long long)limits.field_limit);
            return -1;
        }
        std::vector<std::string const*> parts;
        size_t nameLength = 0;
        for (long at = index; at >= 0; at = nodes[at].parent) {
            if (!nodes[at].hasName) continue;
            parts.push_back(&nodes[at].partialName);
            nameLength += nodes[at].partialName.size() + 1;
        }
        if (nameLength > limits.name_limit + 1) {
            fail(error, SWAN_PDF_NAME_TOO_LONG, (long long)limits.name_limit);
            return -1;
        }
        std::string name;
        name.reserve(nameLength);
        for (auto part = parts.rbegin(); part != parts.rend(); ++part) {
            if (!name.empty() || part != parts.rbegin()) name += '.';
            name += **part;
        }

        std::vector<std::string> values;
        swan_pdf_value_kind kind = SWAN_PDF_VALUE_NONE;
        QPDFObjectHandle value = here.value;
        if (value.isName()) {
            kind = SWAN_PDF_VALUE_NAME;
            values.push_back(nameText(value));
        } else if (value.isString()) {
            kind = SWAN_PDF_VALUE_TEXT;
            values.push_back(value.getUTF8Value());
        } else if (value.isArray()) {
            kind = SWAN_PDF_VALUE_TEXTS;
            int count = value.getArrayNItems();
            for (int item = 0; item < count; ++item) {
                QPDFObjectHandle entry = value.getArrayItem(item);
                if (entry.isString()) values.push_back(entry.getUTF8Value());
            }
        }
        textBytes += name.size();
        for (auto const& text : values) textBytes += text.size();
        if (textBytes > limits.text_limit) {
            fail(error, SWAN_PDF_TEXT_TOO_LARGE, (long long)limits.text_limit);
            return -1;
        }

        std::vector<char const*> valuePointers, statePointers;
        std::vector<size_t> valueLengths, stateLengths;
        for (auto const& text : values) { valuePointers.push_back(text.data()); valueLengths.push_back(text.size()); }
        for (auto const& state : onStates) { statePointers.push_back(state.data()); stateLengths.push_back(state.size()); }
        swan_pdf_field field;
        field.name = name.data();
        field.name_length = name.size();
        field.type = here.hasType ? here.type.c_str() : nullptr;
        field.flags = here.flags;
        field.value_kind = kind;
        field.values = valuePointers.data();
        field.value_lengths = valueLengths.data();
        field.value_count = values.size();
        field.on_states = statePointers.data();
        field.on_state_lengths = stateLengths.data();
        field.on_state_count = onStates.size();
        visitor(context, &field);
    }
    return 0;
}

int collectSourceFiles(swan_pdf* pdf, swan_pdf_error* error) {
    pdf->files.clear();
    QPDFObjectHandle list = pdf->qpdf.getRoot().getKey("/AF");
    if (!list.isArray()) return 0;
    std::set<QPDFObjGen> seen;
    int count = list.getArrayNItems();
    for (int index = 0; index < count; ++index) {
        QPDFObjectHandle spec = list.getArrayItem(index);
        if (!spec.isDictionary()) continue;
        QPDFObjectHandle relationship = spec.getKey("/AFRelationship");
        if (!relationship.isName() || relationship.getName() != "/Source") continue;
        QPDFObjectHandle embedded = spec.getKey("/EF");
        QPDFObjectHandle stream = embedded.isDictionary() ? embedded.getKey("/UF") : QPDFObjectHandle::newNull();
        if (!stream.isStream() && embedded.isDictionary()) stream = embedded.getKey("/F");
        // The same file listed many times is one file, decoded once.
        if (stream.isStream() && stream.isIndirect() && !seen.insert(stream.getObjGen()).second) continue;
        if (pdf->files.size() >= pdf->limits.file_limit) {
            fail(error, SWAN_PDF_TOO_MANY_FILES, (long long)pdf->limits.file_limit);
            return -1;
        }
        SourceFile file;
        QPDFObjectHandle name = spec.getKey("/UF");
        if (!name.isString()) name = spec.getKey("/F");
        if (name.isString()) file.name = name.getUTF8Value();
        if (file.name.size() > pdf->limits.name_limit) file.name.resize(pdf->limits.name_limit);
        file.stream = stream;
        if (stream.isStream()) {
            QPDFObjectHandle dictionary = stream.getDict();
            QPDFObjectHandle subtype = dictionary.getKey("/Subtype");
            if (subtype.isName()) { file.mediaType = nameText(subtype); file.hasMediaType = true; }
            QPDFObjectHandle params = dictionary.getKey("/Params");
            if (params.isDictionary()) {
                QPDFObjectHandle size = params.getKey("/Size");
                if (size.isInteger()) file.declaredSize = size.getIntValue();
            }
        }
        pdf->files.push_back(file);
    }
    return (int)pdf->files.size();
}

int decodeSourceFile(swan_pdf* pdf, size_t index, size_t limit, unsigned char** data, size_t* length, swan_pdf_error* error) {
    SourceFile file = pdf->files.at(index);
    if (!file.stream.isStream()) {
        fail(error, SWAN_PDF_FILE_MISSING);
        return -1;
    }
    if (file.declaredSize > (long long)limit) {
        fail(error, SWAN_PDF_FILE_TOO_LARGE, (long long)limit, file.declaredSize);
        return -1;
    }
    std::string kept;
    CountingSink sink(limit, &pdf->remaining, &kept);
    bool filtered = false;
    QPDFObjectHandle stream = file.stream;
    bool success = stream.pipeStreamData(&sink, &filtered, 0, qpdf_dl_generalized, true, false);
    if (sink.overStream) {
        fail(error, SWAN_PDF_FILE_TOO_LARGE, (long long)limit, -1);
        return -1;
    }
    if (sink.overFile) {
        fail(error, SWAN_PDF_DECODED_TOO_MUCH, (long long)pdf->limits.decoded_limit);
        return -1;
    }
    if (!success || !filtered) {
        fail(error, SWAN_PDF_FILE_UNDECODABLE);
        return -1;
    }
    *length = kept.size();
    *data = static_cast<unsigned char*>(std::malloc(kept.size() ? kept.size() : 1));
    if (!*data) throw std::bad_alloc();
    std::memcpy(*data, kept.data(), kept.size());
    return 0;
}

}  // namespace

extern "C" {

swan_pdf* swan_pdf_open(const void* bytes, size_t length, const swan_pdf_limits* limits, swan_pdf_error* error) {
    clear(error);
    swan_pdf* pdf = nullptr;
    int status = guarded(error, [&]() -> int {
        pdf = new swan_pdf();
        pdf->limits = *limits;
        pdf->remaining = limits->decoded_limit;
        pdf->bytes.assign(static_cast<char const*>(bytes), length);
        // Nothing qpdf says reaches the user: what matters is checked here and returned.
        auto logger = QPDFLogger::create();
        logger->setInfo(logger->discard());
        logger->setWarn(logger->discard());
        logger->setError(logger->discard());
        pdf->qpdf.setLogger(logger);
        pdf->qpdf.setSuppressWarnings(true);
        pdf->qpdf.processMemoryFile("PDF", pdf->bytes.data(), pdf->bytes.size());
        return measureObjectStreams(pdf, error);
    });
    if (status != 0) {
        delete pdf;
        return nullptr;
    }
    return pdf;
}

void swan_pdf_close(swan_pdf* pdf) {
    try { delete pdf; } catch (...) {}
}

int swan_pdf_fields(swan_pdf* pdf, swan_pdf_field_visitor visitor, void* context, swan_pdf_error* error) {
    clear(error);
    return guarded(error, [&]() { return walkFields(pdf, visitor, context, error); });
}

long long swan_pdf_source_files(swan_pdf* pdf, swan_pdf_error* error) {
    clear(error);
    return guarded(error, [&]() { return collectSourceFiles(pdf, error); });
}

int swan_pdf_source_file_info(swan_pdf* pdf, size_t index, swan_pdf_source_file* info) {
    if (index >= pdf->files.size()) return -1;
    SourceFile const& file = pdf->files[index];
    info->name = file.name.data();
    info->name_length = file.name.size();
    info->media_type = file.hasMediaType ? file.mediaType.c_str() : nullptr;
    info->declared_size = file.declaredSize;
    return 0;
}

int swan_pdf_source_file_data(swan_pdf* pdf, size_t index, size_t limit, unsigned char** data, size_t* length,
                              swan_pdf_error* error) {
    clear(error);
    *data = nullptr;
    *length = 0;
    if (index >= pdf->files.size()) { fail(error, SWAN_PDF_FILE_MISSING); return -1; }
    return guarded(error, [&]() { return decodeSourceFile(pdf, index, limit, data, length, error); });
}

}  // extern "C"

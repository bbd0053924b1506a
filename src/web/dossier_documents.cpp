// The documents of a draft: what each one is, the files attached to it, one upload form per document
// (multipart, the CSRF field first, works without JavaScript) and a "Xoá" button per file. A refused file (type,
// size, a decompression bomb, a bad name) is named in the error summary and inline; the other files are kept.
#include <fmt/format.h>

#include <algorithm>

#include "http/multipart.hpp"
#include "web/dossier_parts.hpp"

namespace motcua::web::dossier {

namespace {

//! Prefix of a document's file input name and id ("tep-giay_chung_sinh").
constexpr std::string_view kFileInputPrefix = "tep-";

std::string InputOf(std::string_view document_id) { return std::string(kFileInputPrefix) + std::string(document_id); }

std::string TypesText(const domain::DocumentDef& doc) {
  std::string out;
  for (const std::string& t : doc.types) {
    std::string upper = t;
    std::transform(upper.begin(), upper.end(), upper.begin(),
                   [](char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; });
    if (!out.empty()) {
      out += ", ";
    }
    out += upper;
  }
  return out;
}

std::string AcceptOf(const domain::DocumentDef& doc) {
  std::string out;
  for (const std::string& t : doc.types) {
    const char* types = t == "pdf"    ? ".pdf,application/pdf"
                        : t == "jpeg" ? ".jpg,.jpeg,image/jpeg"
                        : t == "png"  ? ".png,image/png"
                        : t == "heic" ? ".heic,.heif,image/heic,image/heif"
                                      : "";
    if (*types == '\0') {
      continue;
    }
    if (!out.empty()) {
      out += ",";
    }
    out += types;
  }
  return out;
}

Response RenderDocuments(const Site& site, const Request& req, const service::Dossier& dossier,
                         const domain::FormDefinition& form, const FieldErrors& errors, int32_t status) {
  const std::string lang = site.Lang(req);
  return site.Page(
      req, "dossier/documents", site.T(lang, "Giấy tờ đính kèm"),
      [&](TemplateDictionary& d) {
        AddCsrf(req, d);
        AddErrorSummary(lang, d, errors);
        AddDossierHeading(site, d, dossier);
        for (const domain::DocumentDef& doc : form.documents) {
          TemplateDictionary* row = d.AddSectionDictionary("DOCUMENTS");
          row->SetValue("DOC_ID", doc.id);
          row->SetValue("INPUT", InputOf(doc.id));
          row->SetValue("DOC_NAME", doc.name);
          row->SetValue("TYPES", TypesText(doc));
          row->SetValue("ACCEPT", AcceptOf(doc));
          row->SetValue("MAX_SIZE", SizeText(doc.max_bytes));
          const char* kind = doc.original_or_copy == "original" ? N_("Bản chụp hoặc bản quét bản chính")
                             : doc.original_or_copy == "copy"   ? N_("Bản chụp hoặc bản quét bản sao")
                                                                : N_("Bản chính hoặc bản sao");
          row->SetValue("KIND", site.T(lang, kind));
          if (!doc.required) {
            row->ShowSection("OPTIONAL");
          }
          if (!doc.template_url.empty()) {
            row->SetValueAndShowSection("TEMPLATE_URL", doc.template_url, "HAS_TEMPLATE");
          }
          if (const std::string e = errors.Of(InputOf(doc.id)); !e.empty()) {
            row->SetValueAndShowSection("ERROR", e, "HAS_ERROR");
          }
          for (const service::DossierFile& f : dossier.files) {
            if (f.document_id != doc.id) {
              continue;
            }
            TemplateDictionary* file = row->AddSectionDictionary("FILES");
            file->SetValue("FILE_ID", std::to_string(f.id));
            file->SetValue("FILE_NAME", f.file.original_name);
            file->SetValue("FILE_SIZE", SizeText(f.file.bytes));
            if (f.by_officer) {
              file->ShowSection("FILE_OFFICER");
            }
            row->ShowSection("HAS_FILES");
          }
        }
      },
      status);
}

//! The dossier (still editable by its owner) and its form; a response when it cannot be changed here.
std::optional<Response> Load(const Site& site, FilingServices& s, const Request& req, service::Dossier& dossier,
                             domain::FormDefinition& form) {
  auto loaded = LoadDossier(s, req);
  if (!loaded) {
    return ErrorPageFor(site, req, loaded.error());
  }
  if (const std::string closed = ClosedRedirect(*loaded); !closed.empty()) {
    return Response::Redirect(closed);
  }
  auto definition = s.dossiers.FormOf(*loaded);
  if (!definition) {
    return ErrorPageFor(site, req, definition.error());
  }
  dossier = std::move(*loaded);
  form = std::move(*definition);
  return std::nullopt;
}

const char* RefusalOf(http::MultipartError error) {
  switch (error) {
    case http::MultipartError::kFileTooLarge:
      return N_("Tệp quá lớn. Hãy chụp lại với độ phân giải thấp hơn hoặc chia thành nhiều tệp");
    case http::MultipartError::kTooLarge:
      return N_("Các tệp gửi cùng lúc quá lớn hoặc quá nhiều. Hãy gửi từng tệp một");
    case http::MultipartError::kBadFilename:
      return N_("Tên tệp có ký tự không dùng được (dấu / hoặc ký tự điều khiển). Hãy đổi tên tệp rồi gửi lại");
    case http::MultipartError::kIo:
      return N_("Máy chủ chưa lưu được tệp. Hãy thử lại sau ít phút");
    default:
      return N_("Tệp gửi lên không đầy đủ. Hãy chọn lại tệp và gửi lại");
  }
}

}  // namespace

Response DocumentsPage(const Site& site, FilingServices& s, const Request& req) {
  service::Dossier dossier;
  domain::FormDefinition form;
  if (auto refused = Load(site, s, req, dossier, form)) {
    return std::move(*refused);
  }
  return RenderDocuments(site, req, dossier, form, {}, http::kOk);
}

Response UploadDocuments(const Site& site, FilingServices& s, const Request& req) {
  service::Dossier dossier;
  domain::FormDefinition form;
  if (auto refused = Load(site, s, req, dossier, form)) {
    return std::move(*refused);
  }
  const std::string lang = site.Lang(req);
  if (req.multipart == nullptr) {
    return site.ErrorPage(req, http::kBadRequest, site.T(lang, "Không đọc được nội dung gửi lên."));
  }
  // Parsed by the server as it arrived: the files are already spooled next to the file store.
  http::MultipartBody& body = *req.multipart;
  const std::string document = [&] {
    for (const auto& [name, value] : body.fields) {
      if (name == "tai_lieu") {
        return value;
      }
    }
    return std::string();
  }();
  FieldErrors errors;
  const std::string fallback =
      InputOf(document.empty() && !form.documents.empty() ? form.documents.front().id : document);
  if (!body.ok()) {
    errors.Add(body.error_field.empty() ? fallback : body.error_field, site.T(lang, RefusalOf(body.error)));
    return RenderDocuments(site, req, dossier, form, errors, http::kUnprocessable);
  }
  const service::Actor actor = access::ActorOf(req);
  size_t attached = 0;
  for (size_t i = 0; i < body.files.size(); ++i) {
    const http::UploadedFile& file = body.files[i];
    const std::string_view field = file.field;
    const std::string doc_id(field.substr(0, kFileInputPrefix.size()) == kFileInputPrefix
                                 ? field.substr(kFileInputPrefix.size())
                                 : std::string_view(document));
    // The file store moves or deletes the spooled file whatever it decides.
    body.Release(i);
    auto result = s.dossiers.AttachFile(actor, dossier.id, doc_id, file.path, file.filename);
    if (result) {
      dossier = std::move(*result);
      ++attached;
      continue;
    }
    if (result.error().kind != domain::ErrorKind::kInvalid) {
      return ErrorPageFor(site, req, result.error());
    }
    const std::string message =
        result.error().fields.empty() ? result.error().message : result.error().fields.front().message;
    errors.Add(InputOf(doc_id), fmt::format("{}: {}", service::CleanFileName(file.filename), site.T(lang, message)));
  }
  if (body.files.empty()) {
    errors.Add(fallback, site.T(lang, "Chọn tệp để tải lên"));
  }
  if (!errors.empty()) {
    return RenderDocuments(site, req, dossier, form, errors, http::kUnprocessable);
  }
  return Response::Redirect(DossierPath(dossier.id) + "/giay-to");
}

Response RemoveDocument(const Site& site, FilingServices& s, const Request& req) {
  const int64_t file_id = IdParam(req, "file");
  const auto removed = s.dossiers.RemoveFile(access::ActorOf(req), IdParam(req, "id"), file_id);
  if (!removed) {
    return ErrorPageFor(site, req, removed.error());
  }
  return Response::Redirect(DossierPath(removed->id) + "/giay-to");
}

}  // namespace motcua::web::dossier

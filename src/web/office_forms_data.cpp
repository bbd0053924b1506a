// What forms 01–05 print, filled from a service::OfficeDossier and the names around it (pure: no store, no HTTP).
#include <algorithm>

#include "http/url.hpp"
#include "web/office_forms_pdf.hpp"

namespace motcua::web {

namespace {

constexpr int32_t kChannelCounter = 1;
constexpr int32_t kChannelOnline = 2;
constexpr int32_t kChannelPost = 3;
constexpr const char* kHeadTitle = "Thủ trưởng cơ quan";

//! The answer `id` as text (a number written out; "" when absent or of another type).
std::string StringAnswer(const boost::json::object& answers, std::string_view id) {
  const boost::json::value* v = answers.if_contains(id);
  if (v == nullptr) {
    return "";
  }
  if (v->is_string()) {
    return std::string(v->get_string());
  }
  if (v->is_int64()) {
    return std::to_string(v->get_int64());
  }
  return "";
}

std::string TimelinessText(domain::Timeliness t) {
  switch (t) {
    case domain::Timeliness::kEarly:
      return "Trước hạn";
    case domain::Timeliness::kOnTime:
      return "Đúng hạn";
    case domain::Timeliness::kLate:
      return "Quá hạn";
  }
  return "";
}

//! The issuer of `ctx` dated on the Vietnamese day of `at`.
FormIssuer IssuerOn(const FormContext& ctx, std::optional<domain::Instant> at) {
  FormIssuer issuer = ctx.issuer;
  if (at) {
    issuer.date = domain::VietnamToday(*at);
  }
  return issuer;
}

std::string AgencyName(const FormContext& ctx, std::string_view code) {
  return ctx.agency_name ? ctx.agency_name(code) : std::string(code);
}

//! The appointment the dossier had before its newest apology (the previous apology's date, else the current one).
std::optional<domain::Instant> AppointmentBeforeApology(const service::OfficeDossier& o) {
  if (o.apologies.size() > 1) {
    return o.apologies[o.apologies.size() - 2].new_appointment;
  }
  return o.appointment ? o.appointment : o.original_appointment;
}

}  // namespace

std::string ChannelText(int32_t channel) {
  switch (channel) {
    case kChannelCounter:
      return "Trực tiếp";
    case kChannelOnline:
      return "Trực tuyến";
    case kChannelPost:
      return "Qua dịch vụ bưu chính công ích";
    default:
      return "";
  }
}

FormApplicant ApplicantOf(const boost::json::object& answers, std::string_view fallback_name,
                          std::string_view address) {
  FormApplicant a;
  a.name = StringAnswer(answers, domain::kApplicantName);
  if (a.name.empty()) {
    a.name = fallback_name;
  }
  a.id_number = StringAnswer(answers, domain::kApplicantId);
  a.phone = StringAnswer(answers, domain::kApplicantPhone);
  a.email = StringAnswer(answers, domain::kApplicantEmail);
  a.address = address;
  return a;
}

std::vector<ComponentRow> ComponentsOf(const domain::FormDefinition& form,
                                       const std::vector<service::DossierFile>& files) {
  std::vector<ComponentRow> out;
  for (const domain::DocumentDef& doc : form.documents) {
    const auto count = static_cast<int32_t>(std::count_if(
        files.begin(), files.end(), [&](const service::DossierFile& f) { return f.document_id == doc.id; }));
    if (count == 0 && !doc.required) {
      continue;
    }
    ComponentRow row{doc.name};
    const int32_t n = std::max(count, 1);
    if (doc.original_or_copy == "copy") {
      row.certified = n;
    } else if (doc.original_or_copy == "original") {
      row.originals = n;
    } else {
      row.photocopies = n;
    }
    out.push_back(std::move(row));
  }
  return out;
}

std::optional<Form01Data> Form01Of(const service::OfficeDossier& o, const FormContext& ctx) {
  if (!o.received_at || o.dossier.code.empty()) {
    return std::nullopt;
  }
  Form01Data d;
  d.issuer = IssuerOn(ctx, o.received_at);
  d.code = o.dossier.code;
  d.lookup_secret = o.dossier.lookup_secret;
  d.submitter = ctx.applicant;
  d.channel = ChannelText(o.channel);
  d.request = o.procedure_name;
  d.owner_name = ctx.applicant.name;
  d.owner_address = ctx.owner_address.empty() ? ctx.applicant.address : ctx.owner_address;
  d.components = ctx.components;
  d.time_limit = ctx.time_limit;
  d.received_at = FormTime(*o.received_at);
  const std::optional<domain::Instant> appointment = o.original_appointment ? o.original_appointment : o.appointment;
  d.appointment = appointment ? FormTime(*appointment) : "";
  const std::string desk = ctx.issuer.desk.empty() ? o.agency_name : ctx.issuer.desk + " – " + o.agency_name;
  d.result_place = o.channel == kChannelOnline
                       ? "Trực tuyến tại " + ctx.public_url + " (tài khoản của người nộp) hoặc tại " + desk
                       : "Tại " + desk;
  d.lookup_page = ctx.public_url + "/tra-cuu";
  d.lookup_url =
      d.lookup_page + "?ma=" + http::PercentEncode(d.code) + "&ma_tra_cuu=" + http::PercentEncode(d.lookup_secret);
  d.hotline = ctx.hotline;
  // The receiving officer hands the dossier to its first step: the first hand-off names them.
  d.officer_name =
      !o.handoffs.empty() && !o.handoffs.front().from_name.empty() ? o.handoffs.front().from_name : ctx.officer_name;
  return d;
}

std::optional<Form02Data> Form02Of(const service::OfficeDossier& o, const FormContext& ctx) {
  if (o.supplements.empty()) {
    return std::nullopt;
  }
  const service::SupplementRequest& s = o.supplements.back();
  Form02Data d;
  d.issuer = IssuerOn(ctx, s.requested_at);
  d.code = o.dossier.code;
  d.applicant = ctx.applicant;
  d.request = o.procedure_name;
  d.requested_at = FormTime(s.requested_at);
  for (const service::SupplementItem& item : s.items) {
    std::string name = item.label;
    if (name.empty()) {
      name = !item.document_id.empty() ? item.document_id : item.field_id;
    }
    d.items.push_back({name, item.reason});
  }
  d.note = s.note;
  d.portal_url = ctx.public_url;
  d.officer_name = s.requested_by.empty() ? ctx.officer_name : s.requested_by;
  d.officer_phone = ctx.officer_phone;
  return d;
}

std::optional<Form03Data> Form03Of(const service::OfficeDossier& o, const FormContext& ctx) {
  if (o.dossier.status != domain::DossierStatus::kRefused) {
    return std::nullopt;
  }
  Form03Data d;
  d.issuer = IssuerOn(ctx, o.ended_at);
  d.code = o.dossier.code;
  d.applicant = ctx.applicant;
  d.request = o.procedure_name;
  d.reason = o.end_reason;
  d.portal_url = ctx.public_url;
  d.officer_name = ctx.officer_name;
  d.officer_phone = ctx.officer_phone;
  return d;
}

std::optional<Form04Data> Form04Of(const service::OfficeDossier& o, const FormContext& ctx) {
  if (o.apologies.empty()) {
    return std::nullopt;
  }
  const service::Apology& a = o.apologies.back();
  Form04Data d;
  d.issuer = IssuerOn(ctx, a.at);
  // The apology comes from the agency handling the dossier, not from its desk.
  d.issuer.desk.clear();
  if (!o.handling_agency_code.empty()) {
    d.issuer.agency = AgencyName(ctx, o.handling_agency_code);
  }
  d.addressee = ctx.applicant.name;
  d.address = ctx.applicant.address;
  d.code = o.dossier.code;
  d.request = o.procedure_name;
  d.received_on = o.received_at ? FormDay(*o.received_at) : "";
  const std::optional<domain::Instant> before = AppointmentBeforeApology(o);
  d.original_appointment = before ? FormTime(*before) : "";
  d.reason = a.reason;
  d.new_appointment = FormTime(a.new_appointment);
  d.signer_title = kHeadTitle;
  d.signer_name = ctx.head_name;
  return d;
}

std::optional<Form05Data> Form05Of(const service::OfficeDossier& o, const FormContext& ctx) {
  if (!o.received_at) {
    return std::nullopt;
  }
  Form05Data d;
  d.issuer = IssuerOn(ctx, o.received_at);
  d.code = o.dossier.code;
  d.applicant = ctx.applicant.name;
  d.request = o.procedure_name;
  d.received_at = FormTime(*o.received_at);
  d.time_limit = ctx.time_limit;
  d.appointment = o.appointment ? FormTime(*o.appointment) : "";
  d.components = ctx.components;
  for (const service::Handoff& h : o.handoffs) {
    HandoffLine line;
    line.unit = AgencyName(ctx, h.agency_code);
    if (!h.step_name.empty()) {
      line.unit += " – " + h.step_name;
    }
    line.at = FormTime(h.at);
    line.giver = h.from_name;
    line.receiver = h.to_name;
    if (h.timeliness) {
      line.result = TimelinessText(*h.timeliness);
    } else if (!h.finished_at) {
      line.result = "Đang giải quyết";
    }
    line.note = "Hạn: " + FormTime(h.due);
    if (!h.note.empty()) {
      line.note += ". " + h.note;
    }
    d.handoffs.push_back(std::move(line));
  }
  return d;
}

}  // namespace motcua::web

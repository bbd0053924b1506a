//! Dossiers: filing with a dossier code issued from the agency's daily sequence, withdrawal, and the account-free
//! lookup throttled per client address.
#include <fmt/format.h>
#include <boost/json/serialize.hpp>

#include <algorithm>
#include <memory>
#include <utility>

#include "domain/account.hpp"
#include "domain/constants.hpp"
#include "domain/messages.hpp"
#include "domain/text.hpp"
#include "security/crypto.hpp"
#include "service/dossier_parts.hpp"
#include "service/dossiers.hpp"
#include "service/journal.hpp"
#include "service/outbox.hpp"
#include "service/permission.hpp"
#include "service/work_calendars.hpp"
#include "store/account_store.hpp"
#include "store/dossier_store.hpp"

namespace motcua::service {

namespace {

using domain::Error;
using domain::ErrorKind;
using domain::N_;
using dossier_parts::NotFound;

//! Thrown inside the filing job when the agency's sequence of the day is used up, so the job rolls back.
struct SequenceExhausted {};

//! Seconds in the window failed lookups are counted over.
constexpr int64_t kLookupWindowSeconds = 3600;
//! First block once the free failures are used up, and the longest.
constexpr int64_t kLookupBaseBlockSeconds = 60;
constexpr int64_t kLookupMaxBlockSeconds = 3600;

//! How failed lookups from one address slow further ones down.
domain::ThrottleRules LookupRules() {
  domain::ThrottleRules rules;
  rules.free_failures = kLookupFailuresPerHour;
  rules.window_seconds = kLookupWindowSeconds;
  rules.base_block_seconds = kLookupBaseBlockSeconds;
  rules.max_block_seconds = kLookupMaxBlockSeconds;
  return rules;
}

std::string LookupKey(const Actor& actor) { return fmt::format("lookup:{}", actor.address); }

//! The time limit of the online channel, else the procedure's.
std::optional<domain::CivilDate> ExpectedOn(const domain::Procedure* procedure, const domain::WorkCalendar& calendar,
                                            domain::Instant filed_at) {
  if (procedure == nullptr) {
    return std::nullopt;
  }
  const domain::LocalDateTime at = domain::ToLocal(filed_at);
  for (const domain::ChannelTerms& c : procedure->channels) {
    if (c.channel == domain::Channel::kOnline && c.time_value && c.time_unit != domain::TimeUnit::kUnspecified) {
      return domain::ExpectedResultDate(calendar, at, c.time_value, c.time_unit);
    }
  }
  return domain::ExpectedResultDate(calendar, at, procedure->time_value, procedure->time_unit);
}

//! The given name: the last word of the full name.
std::string FirstName(const std::string& full_name) {
  const size_t end = full_name.find_last_not_of(' ');
  if (end == std::string::npos) {
    return "";
  }
  const size_t space = full_name.find_last_of(' ', end);
  return full_name.substr(space == std::string::npos ? 0 : space + 1,
                          end - (space == std::string::npos ? 0 : space + 1) + 1);
}

//! The day part of dossier codes: yyMMdd.
std::string DayText(domain::CivilDate day) {
  constexpr int32_t kYearsPerCentury = 100;
  return fmt::format("{:02}{:02}{:02}", day.year % kYearsPerCentury, day.month, day.day);
}

}  // namespace

std::optional<std::string> dossier_parts::IssueDossierCode(store::Session& s, std::string_view agency_code,
                                                           domain::CivilDate day) {
  const int64_t sequence = store::NextDossierSequence(s, agency_code, DayText(day));
  if (sequence > domain::kMaxDailySequence) {
    return std::nullopt;
  }
  return domain::FormatDossierCode(agency_code, day, static_cast<int32_t>(sequence));
}

Filed Dossiers::FiledOf(const Dossier& d) {
  return Filed{d.id, d.code, d.lookup_secret, d.status, d.submitted_at.value_or(d.updated_at), d.expected_on};
}

domain::Result<Filed> Dossiers::Submit(const Actor& actor, int64_t id, std::string_view idempotency_key) {
  if (auto refused = RefuseUnless(actor, domain::Permission::kCitizen)) {
    return *refused;
  }
  const int64_t user_id = actor.principal.user_id;
  if (!idempotency_key.empty()) {
    std::optional<store::IdempotentResult> first;
    db_.Read([&](store::Session& s) { first = store::FindIdempotencyKey(s, user_id, idempotency_key); });
    if (first) {
      auto [filed, access] = Fetch(actor, first->object_id);
      if (first->operation != "dossier.submit" || !filed || access != Access::kOwner || filed->code.empty()) {
        return Error::Of(ErrorKind::kConflict, N_("Khoá chống gửi lặp này đã được dùng cho một việc khác."));
      }
      return FiledOf(*filed);
    }
  }
  auto [dossier, access] = Fetch(actor, id);
  if (!dossier || access == Access::kOfficer) {
    return NotFound();
  }
  if (access == Access::kGuide) {
    return Error::Of(ErrorKind::kForbidden, N_("Chỉ người nộp được nộp hồ sơ, từ tài khoản của mình."));
  }
  if (!dossier->code.empty()) {
    return FiledOf(*dossier);
  }
  if (dossier->status != domain::DossierStatus::kDraft) {
    return dossier_parts::NotEditable();
  }
  domain::Result<domain::FormDefinition> form = FormOf(*dossier);
  if (!form) {
    return form.error();
  }
  std::vector<std::string> attached;
  for (const DossierFile& f : dossier->files) {
    attached.push_back(f.document_id);
  }
  std::vector<domain::FieldError> errors =
      domain::ValidateAnswers(*form, dossier->answers, attached, ContextOf(*dossier));
  if (!errors.empty()) {
    return Error{ErrorKind::kInvalid, N_("Hồ sơ còn thiếu hoặc sai một số thông tin."), std::move(errors), 0};
  }
  const std::shared_ptr<const domain::Catalogue> catalogue = catalogue_.Get();
  const domain::Procedure* procedure = catalogue->FindProcedure(dossier->procedure_code);
  const std::string answers_text = boost::json::serialize(domain::VisibleAnswers(*form, dossier->answers));
  const std::string phone = dossier_parts::TextAnswer(dossier->answers, domain::kApplicantPhone);
  const std::string email = dossier_parts::TextAnswer(dossier->answers, domain::kApplicantEmail);
  const std::string secret = security::RandomFromAlphabet(domain::kCodeAlphabet, domain::kLookupSecretLength);
  const int64_t checked_version = dossier->version;
  // Read before the write job (the service's calendar may load its overrides from the store).
  static const domain::WorkCalendar kDefaultCalendar;
  const std::shared_ptr<const domain::WorkCalendar> calendar =
      calendars_ != nullptr ? calendars_->Calendar() : std::shared_ptr<const domain::WorkCalendar>();
  std::optional<Filed> out;
  std::optional<Error> refused;
  try {
    db_.Write([&](store::Session& s) {
      out.reset();
      refused.reset();
      const std::optional<store::DossierRecord> d = store::LockDossier(s, id);
      if (!d || AccessOf(s, actor, *d) != Access::kOwner) {
        refused = NotFound();
        return;
      }
      if (!d->code.empty()) {
        // Filed meanwhile by a concurrent request (a double click): the first filing stands.
        out = Filed{d->id,
                    d->code,
                    d->lookup_secret,
                    d->status,
                    d->submitted_at.value_or(d->updated_at),
                    domain::ParseCivilDate(d->expected_on)};
        return;
      }
      if (d->status != domain::DossierStatus::kDraft || d->version != checked_version) {
        refused = dossier_parts::Conflict(N_("Hồ sơ vừa được thay đổi ở nơi khác. Hãy kiểm tra lại rồi nộp."));
        return;
      }
      const domain::Instant now = clock_.Now();
      const domain::CivilDate today = domain::VietnamToday(now);
      const std::optional<std::string> issued = dossier_parts::IssueDossierCode(s, d->agency_code, today);
      if (!issued) {
        throw SequenceExhausted{};
      }
      const std::string& code = *issued;
      const std::optional<domain::CivilDate> expected =
          ExpectedOn(procedure, calendar ? *calendar : kDefaultCalendar, now);
      store::MarkDossierFiled(s, id, code, secret, answers_text, now, expected ? domain::CivilDateText(*expected) : "");
      store::InsertDossierEvent(
          s, id, store::DossierEventRecord{domain::DossierEvent::kSubmitted, now, user_id, actor.principal.name, ""});
      if (store::EndGuidance(s, id, now) > 0) {
        store::InsertDossierEvent(
            s, id,
            store::DossierEventRecord{domain::DossierEvent::kGuidanceEnded, now, user_id, actor.principal.name, ""});
      }
      if (!idempotency_key.empty()) {
        store::InsertIdempotencyKey(s, user_id, idempotency_key, "dossier.submit", id, now);
      }
      Journal(s, actor,
              JournalEntry::Of("dossier.submit", "dossier", std::to_string(id),
                               Summary{}.Set("code", code).Set("procedure", d->procedure_code)));
      // The message commits with the filing and is sent by the outbox afterwards, in Vietnamese.
      const std::string text =
          fmt::format("{} {} {} {}. {} {}/tra-cuu?ma={}", N_("Hồ sơ"), code,
                      N_("đã được tiếp nhận trực tuyến. Mã tra cứu:"), secret, N_("Tra cứu tại"), public_url_, code);
      const std::string key = fmt::format("dossier-filed-{}", id);
      const std::string subject = N_("Hồ sơ đã được tiếp nhận trực tuyến");
      if (!phone.empty()) {
        EnqueueMessage(s, store::OutboxMessage{key + ":sms", "sms", phone, subject, text, true}, clock_);
      }
      if (!email.empty()) {
        EnqueueMessage(s, store::OutboxMessage{key + ":email", "email", email, subject, text, true}, clock_);
      }
      out = Filed{id, code, secret, domain::DossierStatus::kSubmitted, now, expected};
    });
  } catch (const SequenceExhausted&) {
    Error busy = Error::Of(ErrorKind::kBusy, N_("Cơ quan đã nhận đủ 9999 hồ sơ trong ngày. Hãy nộp lại vào ngày mai."));
    busy.retry_after_seconds = domain::kSecondsPerHour;
    return busy;
  } catch (const store::DatabaseError& e) {
    // The same idempotency key used by a concurrent request that committed first: answer with its filing.
    if (e.kind() != store::ErrorKind::kUniqueViolation || idempotency_key.empty()) {
      throw;
    }
    return Submit(actor, id, idempotency_key);
  }
  if (refused) {
    return *refused;
  }
  return std::move(*out);
}

domain::Result<Dossier> Dossiers::Withdraw(const Actor& actor, int64_t id, std::string_view reason) {
  const std::string why = domain::CollapseSpaces(reason);
  if (why.empty()) {
    return Error::Field("ly_do", N_("Hãy cho biết lý do rút hồ sơ."));
  }
  std::optional<Error> refused;
  db_.Write([&](store::Session& s) {
    const std::optional<store::DossierRecord> d = store::LockDossier(s, id);
    if (!d || AccessOf(s, actor, *d) != Access::kOwner) {
      refused = NotFound();
      return;
    }
    const domain::Instant now = clock_.Now();
    const int64_t user_id = actor.principal.user_id;
    if (domain::OwnerMayEdit(d->status)) {
      store::SetDossierStatus(s, id, domain::DossierStatus::kWithdrawn, why, now);
      store::EndGuidance(s, id, now);
      store::InsertDossierEvent(
          s, id, store::DossierEventRecord{domain::DossierEvent::kWithdrawn, now, user_id, actor.principal.name, why});
      Journal(s, actor,
              JournalEntry::Of("dossier.withdraw", "dossier", std::to_string(id), Summary{}.Set("reason", why)));
      return;
    }
    if (domain::WithdrawalIsRequest(d->status)) {
      // The agency decides (issue 10): only the request is recorded.
      store::SetDossierStatus(s, id, d->status, why, now);
      store::InsertDossierEvent(s, id,
                                store::DossierEventRecord{domain::DossierEvent::kWithdrawalRequested, now, user_id,
                                                          actor.principal.name, why});
      Journal(
          s, actor,
          JournalEntry::Of("dossier.withdrawal_request", "dossier", std::to_string(id), Summary{}.Set("reason", why)));
      return;
    }
    refused = dossier_parts::Conflict(N_("Hồ sơ đã kết thúc nên không rút được nữa."));
  });
  return Reloaded(actor, id, refused);
}

domain::Result<LookupView> Dossiers::Lookup(const Actor& actor, std::string_view code, std::string_view secret) {
  const std::string key = LookupKey(actor);
  const int64_t now_seconds = clock_.NowSeconds();
  int64_t wait = 0;
  db_.Read([&](store::Session& s) { wait = domain::SecondsBlocked(store::LoadThrottle(s, key), now_seconds); });
  if (wait > 0) {
    Error blocked = Error::Of(ErrorKind::kRateLimited, N_("Bạn đã tra cứu sai nhiều lần. Hãy thử lại sau"));
    blocked.retry_after_seconds = wait;
    return blocked;
  }
  const std::optional<domain::DossierCodeParts> parts = domain::ParseDossierCode(code);
  const std::string typed = domain::NormaliseSecret(secret);
  std::optional<store::DossierRecord> found;
  std::vector<store::DossierEventRecord> events;
  if (parts) {
    db_.Read([&](store::Session& s) {
      found = store::FindDossierByCode(s, domain::FormatDossierCode(parts->agency_code, parts->day, parts->sequence));
      if (found) {
        events = store::ListDossierEvents(s, found->id);
      }
    });
  }
  // The secret is compared in constant time, and compared even when there is no such dossier.
  const std::string stored = found ? found->lookup_secret : std::string(domain::kLookupSecretLength, '-');
  const bool matches = security::ConstantTimeEqual(typed, stored) && found && !typed.empty();
  if (!matches) {
    db_.Write([&](store::Session& s) {
      store::LockThrottle(s, key);
      store::SaveThrottle(s, key, domain::AfterFailure(store::LoadThrottle(s, key), now_seconds, LookupRules()));
    });
    return Error::Of(ErrorKind::kNotFound, N_("Không tìm thấy hồ sơ với mã hồ sơ và mã tra cứu này."));
  }
  const std::shared_ptr<const domain::Catalogue> catalogue = catalogue_.Get();
  const domain::Procedure* procedure = catalogue->FindProcedure(found->procedure_code);
  const domain::Agency* agency = catalogue->FindAgency(found->agency_code);
  LookupView view;
  view.code = found->code;
  view.procedure_name = procedure != nullptr ? procedure->name : found->procedure_code;
  view.agency_name = agency != nullptr ? agency->name : found->agency_code;
  view.first_name = FirstName(found->applicant_name);
  view.status = found->status;
  for (const store::DossierEventRecord& e : events) {
    view.timeline.push_back(TimelineEntry{e.event, e.at, "", ""});
  }
  view.expected_on = domain::ParseCivilDate(found->expected_on);
  return view;
}

}  // namespace motcua::service

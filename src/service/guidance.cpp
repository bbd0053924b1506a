//! Guidance at the desk ("cầm tay chỉ việc"): the citizen shows a one-time code from their draft, a desk officer
//! opens the same draft with it, fills or corrects answers (marked for the citizen), and the citizen files from their
//! own account. Access ends at filing, at expiry or when the citizen revokes it; every step is journaled.
#include <chrono>

#include "domain/messages.hpp"
#include "security/crypto.hpp"
#include "service/dossier_parts.hpp"
#include "service/dossiers.hpp"
#include "service/journal.hpp"
#include "store/dossier_store.hpp"

namespace motcua::service {

namespace {

using domain::Error;
using domain::ErrorKind;
using domain::N_;
using dossier_parts::NotFound;

std::chrono::microseconds Minutes(int64_t n) {
  return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::minutes(n));
}

}  // namespace

domain::Result<GuidanceCode> Dossiers::StartGuidance(const Actor& actor, int64_t id) {
  const std::string code = security::RandomFromAlphabet(domain::kCodeAlphabet, kGuidanceCodeLength);
  const std::string hash = security::Sha256Hex(code);
  std::optional<Error> refused;
  domain::Instant expires_at;
  db_.Write([&](store::Session& s) {
    const std::optional<store::DossierRecord> d = store::LockDossier(s, id);
    if (!d || AccessOf(s, actor, *d) != Access::kOwner) {
      refused = NotFound();
      return;
    }
    if (d->status != domain::DossierStatus::kDraft) {
      refused = dossier_parts::Conflict(N_("Chỉ hồ sơ chưa nộp mới nhờ cán bộ hướng dẫn được."));
      return;
    }
    const domain::Instant now = clock_.Now();
    expires_at = now.Plus(Minutes(kGuidanceCodeMinutes));
    // A new code replaces any earlier one, and ends the access of an officer who opened the draft with it.
    store::EndGuidance(s, id, now);
    store::InsertGuidance(s, id, hash, expires_at);
    Journal(s, actor, JournalEntry::Of("dossier.guidance_code", "dossier", std::to_string(id)));
  });
  if (refused) {
    return *refused;
  }
  return GuidanceCode{code, expires_at};
}

domain::Result<domain::Done> Dossiers::RevokeGuidance(const Actor& actor, int64_t id) {
  std::optional<Error> refused;
  db_.Write([&](store::Session& s) {
    const std::optional<store::DossierRecord> d = store::LockDossier(s, id);
    if (!d || AccessOf(s, actor, *d) != Access::kOwner) {
      refused = NotFound();
      return;
    }
    const domain::Instant now = clock_.Now();
    if (store::EndGuidance(s, id, now) == 0) {
      return;
    }
    store::InsertDossierEvent(s, id, store::DossierEventRecord{domain::DossierEvent::kGuidanceEnded, now,
                                                               actor.principal.user_id, actor.principal.name, ""});
    Journal(s, actor, JournalEntry::Of("dossier.guidance_revoke", "dossier", std::to_string(id)));
  });
  if (refused) {
    return *refused;
  }
  return domain::Done{};
}

domain::Result<Dossier> Dossiers::OpenGuided(const Actor& actor, std::string_view code) {
  if (!actor.principal.Has(domain::Role::kDeskOfficer)) {
    return Error::Of(ErrorKind::kForbidden, N_("Chỉ cán bộ một cửa được hướng dẫn người dân nộp hồ sơ."));
  }
  const std::string typed = domain::NormaliseSecret(code);
  const Error wrong = Error::Of(ErrorKind::kNotFound, N_("Mã hướng dẫn không đúng hoặc đã hết hạn."));
  if (typed.size() != kGuidanceCodeLength) {
    return wrong;
  }
  const std::string hash = security::Sha256Hex(typed);
  const int64_t officer = actor.principal.user_id;
  int64_t id = 0;
  db_.Write([&](store::Session& s) {
    const domain::Instant now = clock_.Now();
    const std::optional<store::GuidanceRecord> g = store::FindGuidanceByHash(s, hash);
    if (!g || g->expires_at <= now || (g->officer_id != 0 && g->officer_id != officer)) {
      return;
    }
    const std::optional<store::DossierRecord> d = store::LockDossier(s, g->dossier_id);
    if (!d || d->status != domain::DossierStatus::kDraft) {
      return;
    }
    id = d->id;
    if (g->officer_id == officer) {
      Journal(s, actor, JournalEntry::Of("dossier.guided_view", "dossier", std::to_string(id)));
      return;
    }
    if (!store::OpenGuidance(s, g->id, officer, now, now.Plus(Minutes(kGuidanceAccessMinutes)))) {
      id = 0;
      return;
    }
    store::MarkDossierGuided(s, id, now);
    store::InsertDossierEvent(s, id, store::DossierEventRecord{domain::DossierEvent::kGuidanceStarted, now, officer,
                                                               actor.principal.name, ""});
    Journal(s, actor, JournalEntry::Of("dossier.guidance_open", "dossier", std::to_string(id)));
  });
  if (id == 0) {
    return wrong;
  }
  auto [dossier, access] = Fetch(actor, id);
  if (!dossier || access != Access::kGuide) {
    return wrong;
  }
  return std::move(*dossier);
}

}  // namespace motcua::service

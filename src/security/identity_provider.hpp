#pragma once
//! Sign-in through the national digital-identity service (VNeID-style OpenID Connect). A real adapter implements
//! IdentityProvider against the provider's discovery document; motcua ships only the simulated one, which is
//! registered in demo mode alone, so production has no "sign in as anyone" path.

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "domain/time.hpp"

namespace motcua::security {

//! What the identity service vouches for.
struct VerifiedIdentity {
  std::string personal_id;    //!< 12-digit personal ID number.
  std::string full_name;      //!< Name on the ID card.
  std::string date_of_birth;  //!< YYYY-MM-DD.
  std::string phone;          //!< Mobile number registered with the service, if shared.
};

//! An OpenID Connect provider as the sign-in flow needs it.
class IdentityProvider {
 public:
  virtual ~IdentityProvider() = default;
  //! Shown on the button ("VNeID").
  virtual std::string Name() const = 0;
  //! Where to send the browser; the provider returns `state` to the callback and binds `nonce` to the code.
  virtual std::string AuthorizationUrl(const std::string& state, const std::string& nonce) const = 0;
  //! The identity behind the callback's `code`, when the code is genuine, unused and bound to `nonce`.
  virtual std::optional<VerifiedIdentity> Exchange(const std::string& code, const std::string& nonce) = 0;
};

//! A stand-in for demonstrations and tests: its "provider" is a page of motcua listing the demo people. Codes
//! live in memory for a few minutes and work once (one node only; never registered outside demo mode).
class SimulatedIdentityProvider final : public IdentityProvider {
 public:
  //! The people the simulated service knows.
  //! Serves `people`, with codes that expire by `clock` (which must outlive the provider).
  SimulatedIdentityProvider(std::vector<VerifiedIdentity> people, const domain::Clock& clock)
      : people_(std::move(people)), clock_(clock) {}
  std::string Name() const override { return "VNeID (mô phỏng)"; }
  std::string AuthorizationUrl(const std::string& state, const std::string& nonce) const override;
  std::optional<VerifiedIdentity> Exchange(const std::string& code, const std::string& nonce) override;
  //! The people to choose from on the simulated consent page.
  const std::vector<VerifiedIdentity>& people() const { return people_; }
  //! Issues a code for person `index` bound to `nonce` (the consent page's answer); "" for a bad index.
  std::string Issue(size_t index, const std::string& nonce, int64_t now);

 private:
  struct Pending {
    size_t index;
    std::string nonce;
    int64_t expires_at;
  };
  std::vector<VerifiedIdentity> people_;
  const domain::Clock& clock_;
  std::mutex mutex_;
  std::map<std::string, Pending> codes_;
};

}  // namespace motcua::security

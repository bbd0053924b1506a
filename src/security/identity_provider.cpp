#include "security/identity_provider.hpp"

#include <boost/url/encode.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>

#include "security/crypto.hpp"

namespace motcua::security {

namespace {

constexpr int64_t kCodeSeconds = 300;
constexpr size_t kCodeBytes = 24;

}  // namespace

std::string SimulatedIdentityProvider::AuthorizationUrl(const std::string& state, const std::string& nonce) const {
  return "/dang-nhap/vneid/mo-phong?state=" + boost::urls::encode(state, boost::urls::unreserved_chars) +
         "&nonce=" + boost::urls::encode(nonce, boost::urls::unreserved_chars);
}

std::string SimulatedIdentityProvider::Issue(size_t index, const std::string& nonce, int64_t now) {
  if (index >= people_.size() || nonce.empty()) {
    return {};
  }
  std::string code = RandomToken(kCodeBytes);
  std::lock_guard lock(mutex_);
  std::erase_if(codes_, [now](const auto& kv) { return kv.second.expires_at <= now; });
  codes_[code] = Pending{index, nonce, now + kCodeSeconds};
  return code;
}

std::optional<VerifiedIdentity> SimulatedIdentityProvider::Exchange(const std::string& code, const std::string& nonce) {
  std::lock_guard lock(mutex_);
  const auto it = codes_.find(code);
  if (it == codes_.end()) {
    return std::nullopt;
  }
  const Pending pending = it->second;
  codes_.erase(it);  // one use, right or wrong
  if (pending.expires_at <= clock_.NowSeconds() || !ConstantTimeEqual(pending.nonce, nonce)) {
    return std::nullopt;
  }
  return people_[pending.index];
}

}  // namespace motcua::security

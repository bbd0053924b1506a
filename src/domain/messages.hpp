#pragma once
//! Marks a Vietnamese interface text in code that cannot translate it (the domain returns it; the web layer
//! translates it with Site::T). scripts/extract-messages.sh collects every N_("…") into the catalogues.

namespace motcua::domain {

//! Returns `msgid` unchanged; the name is the marker the message extractor looks for.
constexpr const char* N_(const char* msgid) { return msgid; }  // NOLINT(readability-identifier-naming)

}  // namespace motcua::domain

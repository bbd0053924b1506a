#pragma once
//! The procedure catalogue: procedures, fields, agencies and search over them. Pure C++, no I/O.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "domain/search_index.hpp"
#include "domain/search_synonyms.hpp"

namespace motcua::domain {

//! Cấp thực hiện: the tier of local government that handles a procedure.
enum class Level { kProvince, kDistrict, kCommune };

//! Kênh thực hiện (DVCQG codes): 1 in person, 2 online, 3 by public post.
enum class Channel { kInPerson = 1, kOnline = 2, kPost = 3 };

//! Unit of a legal time limit.
enum class TimeUnit { kWorkingDay, kDay, kHour, kMonth, kUnspecified };

//! Online service level under Decree 42/2022: full (toàn trình), partial (một phần) or none.
enum class OnlineLevel { kFull, kPartial, kNone };

//! Stable text names used in the database, URLs and the API.
std::string_view ToString(Level level);
std::string_view ToString(TimeUnit unit);
std::string_view ToString(OnlineLevel level);
std::string_view ToString(Channel channel);
//! Parses the text names above; nothing for an unknown name.
std::optional<Level> ParseLevel(std::string_view s);
std::optional<TimeUnit> ParseTimeUnit(std::string_view s);
std::optional<OnlineLevel> ParseOnlineLevel(std::string_view s);

//! The time limit of one channel ("Trực tuyến: 20 Ngày").
struct ChannelTerms {
  Channel channel = Channel::kInPerson;         //!< Which channel.
  std::string time_text;                        //!< As published, e.g. "20 Ngày làm việc".
  std::optional<double> time_value;             //!< The number, when there is one.
  TimeUnit time_unit = TimeUnit::kUnspecified;  //!< Its unit.
};

//! Thành phần hồ sơ: one document an application needs.
struct RequiredDocument {
  std::string name;       //!< What it is.
  int32_t originals = 0;  //!< Number of originals (bản chính).
  int32_t copies = 0;     //!< Number of copies (bản sao).
  std::string form_id;    //!< The blank form to fill in, if any.
  std::string note;       //!< Extra guidance.
};

//! One line of a blank form.
struct FormField {
  std::string label;  //!< The question printed on the form.
  int32_t lines = 1;  //!< Lines left for the answer.
};

//! Mẫu đơn, tờ khai: a blank form a citizen can print and fill in.
struct Form {
  std::string id;                 //!< URL-safe id, unique within its procedure.
  std::string name;               //!< Its title.
  std::string legal_basis;        //!< The document that sets it.
  std::vector<FormField> fields;  //!< Its lines.
};

//! Lĩnh vực: a field of administration, e.g. Hộ tịch.
struct Field {
  std::string code;             //!< Slug of the name, e.g. "ho-tich".
  std::string name;             //!< Vietnamese name.
  int64_t procedure_count = 0;  //!< Procedures in this field.
};

//! An agency (cơ quan) with its electronic code AAA.BB.CC.XNN.
struct Agency {
  std::string code;                //!< Electronic agency code.
  std::string name;                //!< Full name.
  std::string short_name;          //!< Short name for lists.
  std::string parent_code;         //!< Parent agency, empty for the top.
  Level level = Level::kProvince;  //!< Tier.
  std::string admin_unit_era;      //!< Era of its administrative unit ("2024" or "2025").
  std::string admin_unit_code;     //!< Its administrative unit.
  bool has_one_stop = false;       //!< Has a one-stop desk (Bộ phận một cửa).
};

//! Thủ tục hành chính: one administrative procedure.
struct Procedure {
  std::string code;                               //!< National code, e.g. 1.001193.
  std::string name;                               //!< Official name.
  std::string field_code;                         //!< Its field.
  std::vector<Level> levels;                      //!< Tiers that handle it.
  std::string ministry;                           //!< Issuing ministry.
  std::string implementing_agency;                //!< Implementing agency as published.
  std::string procedure_type;                     //!< Classification as published.
  std::string decision_no;                        //!< Publishing decision.
  OnlineLevel online_level = OnlineLevel::kNone;  //!< Online service level.
  std::string processing_time;                    //!< Time limit as published.
  std::optional<double> time_value;               //!< Its number.
  TimeUnit time_unit = TimeUnit::kUnspecified;    //!< Its unit.
  std::vector<ChannelTerms> channels;             //!< Channels with their time limits.
  std::string fee;                                //!< Fee as published.
  std::optional<int64_t> fee_vnd;                 //!< Fee in đồng, when known (0 = free).
  std::string fee_note;                           //!< Fee details.
  std::string source_url;                         //!< Page on the national portal.
  std::string purpose;                            //!< What it is for.
  std::string applicants;                         //!< Who can apply.
  std::string result;                             //!< What the applicant receives.
  std::vector<std::string> legal_basis;           //!< Căn cứ pháp lý.
  std::vector<RequiredDocument> documents;        //!< Thành phần hồ sơ.
  std::vector<std::string> steps;                 //!< Trình tự thực hiện.
  std::vector<Form> forms;                        //!< Blank forms.
  std::string agency_code;                        //!< Competent provincial agency, when province-level.
  int64_t popularity = 0;                         //!< Applications per month; orders equal matches.

  //! True when `level` handles this procedure.
  bool HasLevel(Level level) const;
  //! True when it can be submitted online.
  bool HasChannel(Channel channel) const;
  //! The blank form with this id, or null.
  const Form* FindForm(std::string_view id) const;
};

//! What a citizen searches for and how results are narrowed.
struct SearchQuery {
  std::string text;                   //!< Free text; accents and đ optional.
  std::string field_code;             //!< Only this field, when set.
  std::string agency_code;            //!< Only procedures of this agency, when set.
  std::optional<Level> level;         //!< Only this tier, when set.
  std::optional<OnlineLevel> online;  //!< Only this online level, when set.
  int32_t page = 1;                   //!< 1-based page.
  int32_t page_size = 20;             //!< Results per page.
};

//! One page of search results.
struct SearchResult {
  std::vector<const Procedure*> items;  //!< This page, best first.
  int64_t total = 0;                    //!< Matches over all pages.
  int32_t page = 1;                     //!< The page shown (clamped to the last).
  int32_t page_count = 0;               //!< Pages in all.
};

//! Smallest and largest page size a caller may ask for.
constexpr int32_t kMinPageSize = 1;
constexpr int32_t kMaxPageSize = 100;

//! An immutable snapshot of the whole catalogue with a search index, shared by all request threads.
class Catalogue {
 public:
  //! Builds indices over the given data; `version` identifies this snapshot.
  Catalogue(std::vector<Procedure> procedures, std::vector<Field> fields, std::vector<Agency> agencies,
            int64_t version);

  //! The procedure with this code, or null.
  const Procedure* FindProcedure(std::string_view code) const;
  //! The field with this code, or null.
  const Field* FindField(std::string_view code) const;
  //! The agency with this code, or null.
  const Agency* FindAgency(std::string_view code) const;
  //! All fields, by name.
  const std::vector<Field>& fields() const { return fields_; }
  //! All agencies, by code.
  const std::vector<Agency>& agencies() const { return agencies_; }
  //! All procedures, by code.
  const std::vector<Procedure>& procedures() const { return procedures_; }
  //! The `n` most used procedures.
  std::vector<const Procedure*> MostUsed(size_t n) const;
  //! Procedures matching `query`, ranked by tier (code, name prefix, phrase in name, every word or a synonym of
  //! it in the name, every word anywhere, enough of the words), then by weighted words matched, then popularity.
  SearchResult Search(const SearchQuery& query) const;
  //! Expands queries with the reviewed synonym table from now on; call before the snapshot is shared.
  void UseSynonyms(const std::vector<Synonym>& synonyms) { search_.UseSynonyms(synonyms); }
  //! Number of procedures each tier handles.
  int64_t CountAtLevel(Level level) const;
  //! Snapshot version (bumped by every catalogue change).
  int64_t version() const { return version_; }

 private:
  //! True when `p` passes the filters of `query` (field, tier, online level, agency).
  bool Passes(const Procedure& p, const SearchQuery& query, const Agency* agency) const;

  std::vector<Procedure> procedures_;
  std::vector<Field> fields_;
  std::vector<Agency> agencies_;
  SearchIndex search_;
  std::unordered_map<std::string, size_t> by_code_;
  std::unordered_map<std::string, size_t> field_by_code_;
  std::unordered_map<std::string, size_t> agency_by_code_;
  int64_t version_;
};

}  // namespace motcua::domain

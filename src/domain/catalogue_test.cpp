#include "domain/catalogue.hpp"

#include <gtest/gtest.h>

namespace motcua::domain {
namespace {

Procedure Make(std::string code, std::string name, std::string field, int64_t popularity,
               std::vector<Level> levels = {Level::kCommune}, OnlineLevel online = OnlineLevel::kPartial,
               std::string agency = "") {
  Procedure p;
  p.code = std::move(code);
  p.name = std::move(name);
  p.field_code = std::move(field);
  p.popularity = popularity;
  p.levels = std::move(levels);
  p.online_level = online;
  p.agency_code = std::move(agency);
  return p;
}

class SearchTest : public testing::Test {
 protected:
  SearchTest()
      : catalogue_(
            {
                Make("1.001193", "Thủ tục đăng ký khai sinh", "ho-tich", 900),
                Make("2.000528", "Thủ tục đăng ký khai sinh có yếu tố nước ngoài", "ho-tich", 50, {Level::kDistrict}),
                Make("1.003583", "Thủ tục đăng ký khai sinh lưu động", "ho-tich", 10),
                Make("1.000894", "Thủ tục đăng ký kết hôn", "ho-tich", 800),
                Make("3.000348", "Đổi giấy phép lái xe do ngành Giao thông vận tải cấp", "duong-bo", 700,
                     {Level::kProvince}, OnlineLevel::kFull, "000.00.04.H40"),
                Make("1.013225", "Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ", "xay-dung", 600,
                     {Level::kCommune, Level::kDistrict}),
                Make("1.000001", "Cấp lại giấy phép lái xe bị mất", "duong-bo", 5, {Level::kProvince},
                     OnlineLevel::kNone, "000.00.04.H40"),
                Make("1.000002", "Thủ tục xác nhận thông tin hộ tịch", "ho-tich", 0),
            },
            {{"ho-tich", "Hộ tịch", 0}, {"duong-bo", "Đường bộ", 0}, {"xay-dung", "Xây dựng", 0}},
            {{"000.00.00.H40", "UBND tỉnh", "UBND tỉnh", "", Level::kProvince, "2024", "36", true},
             {"000.00.04.H40", "Sở Xây dựng", "Sở Xây dựng", "000.00.00.H40", Level::kProvince, "2024", "36", true},
             {"000.00.32.H40", "UBND huyện Vụ Bản", "UBND Vụ Bản", "000.00.00.H40", Level::kDistrict, "2024", "359",
              true}},
            7) {}

  std::vector<std::string> Codes(const SearchQuery& q) const {
    std::vector<std::string> out;
    for (const Procedure* p : catalogue_.Search(q).items) {
      out.push_back(p->code);
    }
    return out;
  }
  std::vector<std::string> Codes(std::string text) const {
    SearchQuery q;
    q.text = std::move(text);
    return Codes(q);
  }

  Catalogue catalogue_;
};

TEST_F(SearchTest, AccentlessAndAccentedQueriesFindTheSameRankedList) {
  const auto plain = Codes("dang ky khai sinh");
  EXPECT_EQ(plain, Codes("Đăng ký khai sinh"));
  EXPECT_EQ(plain, Codes("ĐĂNG KÝ KHAI SINH"));
  ASSERT_EQ(plain.size(), 3u);
  EXPECT_EQ(plain.front(), "1.001193");
}

TEST_F(SearchTest, NamePrefixRanksAboveAPhraseInsideTheName) {
  // "doi giay phep" opens 3.000348's name; "giay phep" only appears inside the others.
  EXPECT_EQ(Codes("doi giay phep").front(), "3.000348");
  const auto giay_phep = Codes("giay phep");
  ASSERT_EQ(giay_phep.size(), 3u);
  EXPECT_EQ(giay_phep[0], "3.000348");  // phrase in name, most popular
  EXPECT_EQ(giay_phep[1], "1.013225");
  EXPECT_EQ(giay_phep[2], "1.000001");
}

TEST_F(SearchTest, EqualMatchesAreOrderedByPopularity) {
  const auto r = Codes("khai sinh");
  EXPECT_EQ(r, (std::vector<std::string>{"1.001193", "2.000528", "1.003583"}));
}

TEST_F(SearchTest, WordsInAnyOrderAndInTheFieldNameStillMatchBelowNameMatches) {
  const auto r = Codes("ho tich ket hon");  // "hộ tịch" is the field, "kết hôn" the name
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0], "1.000894");
  EXPECT_EQ(Codes("sinh khai").size(), 3u);
}

TEST_F(SearchTest, TheLastWordMatchesAsAPrefixWhileTyping) {
  EXPECT_EQ(Codes("ket h").front(), "1.000894");
  EXPECT_EQ(Codes("dang ky k").size(), 4u);  // khai sinh ×3 and kết hôn
  EXPECT_TRUE(Codes("ket zq xw").empty());   // no word starts with "zq" or "xw": "kết" alone is too little of it
}

TEST_F(SearchTest, ProcedureCodeFindsItsProcedureFirst) { EXPECT_EQ(Codes("1.013225").front(), "1.013225"); }

TEST_F(SearchTest, NoMatchIsAnEmptyResultNotAnError) {
  SearchQuery q;
  q.text = "khong co thu tuc nao nhu vay";
  const SearchResult r = catalogue_.Search(q);
  EXPECT_EQ(r.total, 0);
  EXPECT_EQ(r.page_count, 0);
  EXPECT_EQ(r.page, 1);
  EXPECT_TRUE(r.items.empty());
}

TEST_F(SearchTest, FiltersNarrowResults) {
  SearchQuery q;
  q.field_code = "ho-tich";
  EXPECT_EQ(catalogue_.Search(q).total, 5);
  q.level = Level::kDistrict;
  EXPECT_EQ(Codes(q), (std::vector<std::string>{"2.000528"}));
  SearchQuery online;
  online.online = OnlineLevel::kFull;
  EXPECT_EQ(Codes(online), (std::vector<std::string>{"3.000348"}));
}

TEST_F(SearchTest, AgencyFilterFollowsOwnershipAndTier) {
  SearchQuery dept;
  dept.agency_code = "000.00.04.H40";
  EXPECT_EQ(catalogue_.Search(dept).total, 2);
  SearchQuery district;
  district.agency_code = "000.00.32.H40";  // a district committee handles the district-level procedures
  EXPECT_EQ(Codes(district), (std::vector<std::string>{"1.013225", "2.000528"}));
  SearchQuery unknown;
  unknown.agency_code = "000.99.99.H99";
  EXPECT_EQ(catalogue_.Search(unknown).total, 0);
}

TEST_F(SearchTest, PagesAreClampedToTheLastPage) {
  SearchQuery q;
  q.page_size = 3;
  q.page = 2;
  const SearchResult second = catalogue_.Search(q);
  EXPECT_EQ(second.total, 8);
  EXPECT_EQ(second.page_count, 3);
  EXPECT_EQ(second.items.size(), 3u);
  q.page = 99;
  const SearchResult clamped = catalogue_.Search(q);
  EXPECT_EQ(clamped.page, 3);
  EXPECT_EQ(clamped.items.size(), 2u);
  q.page_size = 100000;
  EXPECT_EQ(catalogue_.Search(q).items.size(), 8u);  // page size is capped, never unbounded
}

TEST_F(SearchTest, MostUsedSkipsUnusedAndSortsByPopularity) {
  const auto top = catalogue_.MostUsed(3);
  ASSERT_EQ(top.size(), 3u);
  EXPECT_EQ(top[0]->code, "1.001193");
  EXPECT_EQ(top[1]->code, "1.000894");
  EXPECT_EQ(catalogue_.MostUsed(100).size(), 7u);
}

TEST_F(SearchTest, LookupsAndCounts) {
  EXPECT_NE(catalogue_.FindProcedure("1.001193"), nullptr);
  EXPECT_EQ(catalogue_.FindProcedure("9.999999"), nullptr);
  EXPECT_EQ(catalogue_.FindField("ho-tich")->procedure_count, 5);
  EXPECT_EQ(catalogue_.CountAtLevel(Level::kProvince), 2);
  EXPECT_EQ(catalogue_.CountAtLevel(Level::kDistrict), 2);
  EXPECT_EQ(catalogue_.version(), 7);
}

//! A catalogue of `names` (codes 1.00000N) with one synonym table.
Catalogue Small(const std::vector<std::string>& names, const std::string& synonyms_csv) {
  std::vector<Procedure> procedures;
  for (size_t i = 0; i < names.size(); ++i) {
    procedures.push_back(Make("1.00000" + std::to_string(i + 1), names[i], "f", 0));
  }
  Catalogue c(std::move(procedures), {{"f", "Lĩnh vực", 0}}, {}, 1);
  const SynonymImport table = ReadSynonyms("phrase,expands_to,note,reviewed_by\n" + synonyms_csv);
  EXPECT_TRUE(table.errors.empty());
  c.UseSynonyms(table.synonyms);
  return c;
}

std::vector<std::string> CodesOf(const Catalogue& c, const std::string& text) {
  SearchQuery q;
  q.text = text;
  std::vector<std::string> out;
  for (const Procedure* p : c.Search(q).items) {
    out.push_back(p->code);
  }
  return out;
}

TEST(SearchSynonyms, AnAbbreviationFindsTheWordingsItStandsFor) {
  const Catalogue c =
      Small({"Cấp lại thẻ căn cước", "Cấp hộ chiếu phổ thông", "Cấp đổi thẻ căn cước cho người dưới 14 tuổi"},
            "CCCD,thẻ căn cước | căn cước,card,lead\n");
  EXPECT_EQ(CodesOf(c, "cccd"), (std::vector<std::string>{"1.000001", "1.000003"}));  // shorter name first
  EXPECT_EQ(CodesOf(c, "CCCD"), CodesOf(c, "cccd"));
  EXPECT_EQ(CodesOf(c, "cấp lại cccd").front(), "1.000001");
  EXPECT_TRUE(CodesOf(c, "cmnd").empty());  // not in this table
}

TEST(SearchSynonyms, ThePhraseIsMatchedLongestFirstAndWordingsMustBeAdjacent) {
  const Catalogue c = Small({"Thủ tục đăng ký khai sinh", "Cấp bản sao giấy khai sinh", "Khai báo phát sinh thuế"},
                            "giấy khai sinh,khai sinh,certificate,lead\n"
                            "làm giấy khai sinh,đăng ký khai sinh,registration,lead\n");
  EXPECT_EQ(CodesOf(c, "lam giay khai sinh").front(), "1.000001");
  // "khai" and "sinh" apart ("Khai báo phát sinh") are not "khai sinh".
  EXPECT_EQ(CodesOf(c, "giay khai sinh"), (std::vector<std::string>{"1.000001", "1.000002"}));
}

TEST(SearchSynonyms, FunctionWordsAreNeitherRequiredNorEnoughAlone) {
  const Catalogue c = Small({"Thủ tục đăng ký kết hôn", "Cấp giấy phép cho trung tâm", "Đăng ký tạm trú"}, "");
  EXPECT_EQ(CodesOf(c, "dang ky ket hon cho toi").front(), "1.000001");  // "cho", "tôi" are not in the name
  EXPECT_TRUE(CodesOf(c, "cho toi cua").empty());   // "cho" is one third of a question of function words
  EXPECT_EQ(CodesOf(c, "ket hon cho").size(), 1u);  // "cho" alone does not list "Cấp giấy phép cho trung tâm"
}

TEST(CatalogueNames, RoundTrip) {
  for (const Level l : {Level::kProvince, Level::kDistrict, Level::kCommune}) {
    EXPECT_EQ(ParseLevel(ToString(l)), l);
  }
  for (const OnlineLevel l : {OnlineLevel::kFull, OnlineLevel::kPartial, OnlineLevel::kNone}) {
    EXPECT_EQ(ParseOnlineLevel(ToString(l)), l);
  }
  EXPECT_FALSE(ParseLevel("tinh").has_value());
  EXPECT_EQ(ParseTimeUnit("working_day"), TimeUnit::kWorkingDay);
}

}  // namespace
}  // namespace motcua::domain

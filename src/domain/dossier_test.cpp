//! Dossier statuses and their national codes, groups and edit rights, dossier codes, lookup secrets, events and the
//! expected result date.
#include "domain/dossier.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace motcua::domain {
namespace {

constexpr DossierStatus kAllStatuses[] = {DossierStatus::kDraft,
                                          DossierStatus::kSubmitted,
                                          DossierStatus::kAccepted,
                                          DossierStatus::kRefused,
                                          DossierStatus::kProcessing,
                                          DossierStatus::kSupplementRequested,
                                          DossierStatus::kPaymentRequested,
                                          DossierStatus::kWithdrawn,
                                          DossierStatus::kStopped,
                                          DossierStatus::kDone,
                                          DossierStatus::kReturned};

constexpr DossierEvent kAllEvents[] = {
    DossierEvent::kCreated,         DossierEvent::kSubmitted,           DossierEvent::kEdited,
    DossierEvent::kWithdrawn,       DossierEvent::kWithdrawalRequested, DossierEvent::kGuidanceStarted,
    DossierEvent::kGuidanceChanged, DossierEvent::kGuidanceEnded};

TEST(DossierStatus, ValuesAreTheNationalCodes) {
  EXPECT_EQ(static_cast<int32_t>(DossierStatus::kSubmitted), 1);
  EXPECT_EQ(static_cast<int32_t>(DossierStatus::kWithdrawn), 7);
  EXPECT_EQ(static_cast<int32_t>(DossierStatus::kReturned), 10);
}

TEST(DossierStatus, CodesRoundTripAndNamesAreDistinct) {
  std::set<std::string_view> codes;
  std::set<std::string> names;
  std::set<std::string> nexts;
  for (const DossierStatus s : kAllStatuses) {
    EXPECT_EQ(ParseDossierStatus(StatusCode(s)), s) << StatusCode(s);
    codes.insert(StatusCode(s));
    names.insert(StatusName(s));
    nexts.insert(StatusNext(s));
  }
  EXPECT_EQ(codes.size(), std::size(kAllStatuses));
  EXPECT_EQ(names.size(), std::size(kAllStatuses));
  EXPECT_EQ(nexts.size(), std::size(kAllStatuses));
  EXPECT_EQ(StatusCode(DossierStatus::kSupplementRequested), "supplement_requested");
  EXPECT_EQ(std::string(StatusName(DossierStatus::kSubmitted)), "Mới đăng ký");
  for (const char* bad : {"", "Draft", "submitted ", "unknown"}) {
    EXPECT_EQ(ParseDossierStatus(bad), std::nullopt) << bad;
  }
}

TEST(DossierStatus, GroupsAndWhatTheOwnerMayStillDo) {
  EXPECT_EQ(GroupOf(DossierStatus::kDraft), DossierGroup::kDraft);
  EXPECT_EQ(GroupOf(DossierStatus::kSubmitted), DossierGroup::kFiled);
  EXPECT_EQ(GroupOf(DossierStatus::kProcessing), DossierGroup::kInProgress);
  EXPECT_EQ(GroupOf(DossierStatus::kSupplementRequested), DossierGroup::kNeedsAction);
  EXPECT_EQ(GroupOf(DossierStatus::kReturned), DossierGroup::kFinished);
  for (const DossierStatus s : kAllStatuses) {
    const bool edit = s == DossierStatus::kDraft || s == DossierStatus::kSubmitted;
    EXPECT_EQ(OwnerMayEdit(s), edit) << StatusCode(s);
    EXPECT_FALSE(OwnerMayEdit(s) && WithdrawalIsRequest(s)) << StatusCode(s);
  }
  EXPECT_TRUE(WithdrawalIsRequest(DossierStatus::kAccepted));
  EXPECT_TRUE(WithdrawalIsRequest(DossierStatus::kProcessing));
  EXPECT_FALSE(WithdrawalIsRequest(DossierStatus::kDone));
  EXPECT_FALSE(WithdrawalIsRequest(DossierStatus::kWithdrawn));
}

TEST(DossierCode, FormatsAndParsesBack) {
  const std::string code = FormatDossierCode("000.00.31.H40", CivilDate{2026, 3, 7}, 42);
  EXPECT_EQ(code, "000.00.31.H40-260307-0042");
  const std::optional<DossierCodeParts> parts = ParseDossierCode(code);
  ASSERT_TRUE(parts.has_value());
  EXPECT_EQ(parts->agency_code, "000.00.31.H40");
  EXPECT_EQ(parts->day.year, 2026);
  EXPECT_EQ(parts->day.month, 3);
  EXPECT_EQ(parts->day.day, 7);
  EXPECT_EQ(parts->sequence, 42);
  EXPECT_EQ(FormatDossierCode("000.00.31.H40", CivilDate{2026, 12, 31}, kMaxDailySequence),
            "000.00.31.H40-261231-9999");
}

TEST(DossierCode, ParsingForgivesCaseAndSpacesButNothingElse) {
  const std::optional<DossierCodeParts> typed = ParseDossierCode("  000.00.06.h56-231027-0361 \n");
  ASSERT_TRUE(typed.has_value());
  EXPECT_EQ(typed->agency_code, "000.00.06.H56");
  EXPECT_EQ(typed->sequence, 361);
  for (const char* bad : {"", "-", "000.00.06.H56", "000.00.06.H56-231027", "000.00.06.H56-231027-361",
                          "000.00.06.H56-231027-00361", "000.00.06.H56-231027-0000", "000.00.06.H56-230230-0001",
                          "000.00.06.H56-231327-0001", "-231027-0001", "000.00.06.H56-23102a-0001",
                          "000/00.06.H56-231027-0001", "000.00.06.H56 -231027-0001", "<script>-231027-0001"}) {
    EXPECT_EQ(ParseDossierCode(bad), std::nullopt) << bad;
  }
}

TEST(LookupSecret, NormalisedAsTypedOrRefused) {
  EXPECT_EQ(NormaliseSecret("ab3-k7m"), "AB3K7M");
  EXPECT_EQ(NormaliseSecret(" AB3 K7M "), "AB3K7M");
  EXPECT_EQ(NormaliseSecret("AB0K7M"), "") << "0 is not in the alphabet";
  EXPECT_EQ(NormaliseSecret("ABIK7M"), "") << "I is not in the alphabet";
  EXPECT_EQ(NormaliseSecret("AB%K7M"), "");
  EXPECT_EQ(kCodeAlphabet.find_first_of("01ILO"), std::string_view::npos);
}

TEST(DossierEvent, CodesRoundTripWithASentenceEach) {
  std::set<std::string_view> codes;
  for (const DossierEvent e : kAllEvents) {
    EXPECT_EQ(ParseEvent(EventCode(e)), e);
    EXPECT_NE(std::string(EventSentence(e)), "");
    codes.insert(EventCode(e));
  }
  EXPECT_EQ(codes.size(), std::size(kAllEvents));
  EXPECT_EQ(ParseEvent("nothing"), std::nullopt);
}

TEST(CivilDateText, IsoDatesRoundTripAndImpossibleDatesAreRefused) {
  EXPECT_EQ(CivilDateText(CivilDate{2026, 1, 5}), "2026-01-05");
  const std::optional<CivilDate> d = ParseCivilDate("2024-02-29");
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(CivilDateText(*d), "2024-02-29");
  for (const char* bad : {"", "2025-02-29", "2026-13-01", "2026-1-05", "2026/01/05", "20260105", "2026-01-05x"}) {
    EXPECT_EQ(ParseCivilDate(bad), std::nullopt) << bad;
  }
  EXPECT_EQ(CivilDateText(AddDays(CivilDate{2026, 12, 30}, 3)), "2027-01-02");
  EXPECT_TRUE(IsWeekend(CivilDate{2026, 11, 1}));  // Sunday
  EXPECT_FALSE(IsWeekend(CivilDate{2026, 11, 2}));
}

struct ExpectedCase {
  const char* filed;  // Vietnam time
  TimeUnit unit;
  std::optional<double> value;
  const char* expected;  // "" when nothing
};

TEST(ExpectedResultDate, IsTheDateOfTheCalendarsDeadline) {
  // clang-format off
  const ExpectedCase cases[] = {
      {"2026-11-02 09:00", TimeUnit::kWorkingDay, 5, "2026-11-09"},   // Monday + 5 working days: next Monday
      {"2026-11-06 09:00", TimeUnit::kWorkingDay, 1, "2026-11-09"},   // Friday + 1: Monday
      {"2026-11-07 09:00", TimeUnit::kWorkingDay, 1, "2026-11-09"},   // Saturday: the clock starts Monday morning
      {"2026-11-01 09:00", TimeUnit::kWorkingDay, 5, "2026-11-06"},   // Sunday + 5: Friday evening
      {"2026-11-02 09:00", TimeUnit::kWorkingDay, 0.5, "2026-11-02"}, // half a day: the same afternoon
      {"2026-04-29 09:00", TimeUnit::kWorkingDay, 2, "2026-05-05"},   // over 30/4, 1/5 and a weekend
      {"2026-02-13 09:00", TimeUnit::kWorkingDay, 1, "2026-02-23"},   // Tết 2026: 16–20/2 off
      {"2026-11-02 09:00", TimeUnit::kDay, 15, "2026-11-17"},
      {"2026-01-31 09:00", TimeUnit::kMonth, 1, "2026-03-02"},        // 28/2 is a Saturday
      {"2026-11-02 09:00", TimeUnit::kHour, 8, "2026-11-03"},
      {"2026-11-02 09:00", TimeUnit::kHour, 12, "2026-11-03"},
      {"2026-11-02 09:00", TimeUnit::kWorkingDay, std::nullopt, ""},
      {"2026-11-02 09:00", TimeUnit::kUnspecified, 5, ""},
      {"2026-11-02 09:00", TimeUnit::kWorkingDay, 0, ""},
      {"2026-11-02 09:00", TimeUnit::kDay, -3, ""},
      {"2026-11-02 09:00", TimeUnit::kWorkingDay, 1e9, ""},
  };
  // clang-format on
  const WorkCalendar calendar;
  for (const ExpectedCase& c : cases) {
    const std::optional<CivilDate> got = ExpectedResultDate(calendar, ParseLocal(c.filed).value(), c.value, c.unit);
    EXPECT_EQ(got ? CivilDateText(*got) : "", c.expected)
        << c.filed << " + " << c.value.value_or(-1) << " " << ToString(c.unit);
  }
}

}  // namespace
}  // namespace motcua::domain

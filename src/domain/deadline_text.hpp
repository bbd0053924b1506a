#pragma once
//! Thời hạn giải quyết as people read it: the unit of a published time limit inferred where the text allows it.

#include <string_view>

#include "domain/catalogue.hpp"

namespace motcua::domain {

//! What a published time limit says, once read.
enum class DeadlineKind {
  kAmount,       //!< A number with its unit ("5 ngày làm việc").
  kSameDay,      //!< Trong ngày: the result is returned the day the application is received.
  kUnknownUnit,  //!< A number whose unit neither the limit nor the procedure's steps give ("1").
  kNone,         //!< Nothing published ("Không có thông tin", empty, "0").
};

//! A time limit read from its published text.
struct Deadline {
  DeadlineKind kind = DeadlineKind::kNone;  //!< What it says.
  double value = 0;                         //!< The number (kAmount, kUnknownUnit).
  TimeUnit unit = TimeUnit::kUnspecified;   //!< Its unit (kAmount).
  bool at_most = false;                     //!< "không quá", "tối đa": an upper bound.
  bool from_steps = false;                  //!< The unit was found in the procedure's steps, not in the limit.

  //! True when both say the same to a reader.
  bool operator==(const Deadline& other) const = default;
};

//! Reads a published time limit ("7 Ngày làm việc", "05 ngày làm việc kể từ…", "không quá 10 ngày", "Trong ngày",
//! "1"). A bare number takes its unit from `steps` (the procedure's steps and result, as published) when they state
//! the same number with a unit ("Trong 03 ngày làm việc"); a missing limit is read from the steps too.
Deadline ReadDeadline(std::string_view published, std::string_view steps = {});

}  // namespace motcua::domain

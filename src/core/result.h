#pragma once
// Result<T>: a value or a tool failure. Failures of the tool or environment (unreadable file,
// bad usage, bad configuration) travel as Result errors; problems in a template are diagnostics.

#include <string>
#include <utility>
#include <variant>

namespace samshift::core {

enum class ErrorKind {
  kIo,        // a file could not be read or written
  kUsage,     // the command line is wrong
  kConfig,    // a configuration file is wrong
  kInput,     // an input could not be processed at all
  kInternal,  // a bug in samshift
};

struct Error {
  ErrorKind kind = ErrorKind::kInternal;
  std::string message;
};

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}  // NOLINT: implicit by design, like std::expected
  Result(Error error) : state_(std::move(error)) {}  // NOLINT

  bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & { return std::get<0>(state_); }
  const T& value() const& { return std::get<0>(state_); }
  T&& value() && { return std::get<0>(std::move(state_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

  const Error& error() const { return std::get<1>(state_); }

 private:
  std::variant<T, Error> state_;
};

struct Unit {};
using Status = Result<Unit>;
inline Status okStatus() { return Unit{}; }

inline Error ioError(std::string message) { return Error{ErrorKind::kIo, std::move(message)}; }
inline Error usageError(std::string message) {
  return Error{ErrorKind::kUsage, std::move(message)};
}
inline Error configError(std::string message) {
  return Error{ErrorKind::kConfig, std::move(message)};
}

}  // namespace samshift::core

#include "cli/parameter_overrides.h"

#include <sys/stat.h>

#include <algorithm>
#include <cctype>

namespace samshift::cli {

namespace {

constexpr std::string_view kKeyPrefix = "ParameterKey=";
constexpr std::string_view kValuePart = ",ParameterValue=";

// Splits on blanks outside quotes and drops the quotes: `A=1 B='x y'` → `A=1`, `B=x y`.
core::Result<std::vector<std::string>> splitWords(const std::string& text) {
  std::vector<std::string> words;
  std::string word;
  bool inWord = false;
  char quote = 0;
  for (char c : text) {
    if (quote) {
      if (c == quote) {
        quote = 0;
      } else {
        word += c;
      }
    } else if (c == '\'' || c == '"') {
      quote = c;
      inWord = true;
    } else if (c == ' ' || c == '\t' || c == '\n') {
      if (inWord) words.push_back(word);
      word.clear();
      inWord = false;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (quote)
    return core::usageError("--parameter-overrides: unclosed " + std::string(1, quote) + " in '" +
                            text + "'");
  if (inWord) words.push_back(word);
  return words;
}

core::Status parsePairs(const std::string& text, ParameterOverrides& out) {
  auto words = splitWords(text);
  if (!words) return words.error();
  for (const std::string& word : words.value()) {
    if (word.rfind(kKeyPrefix, 0) == 0) {
      size_t comma = word.find(kValuePart);
      if (comma == std::string::npos) {
        return core::usageError("--parameter-overrides: '" + word + "' has no ParameterValue");
      }
      out.emplace_back(word.substr(kKeyPrefix.size(), comma - kKeyPrefix.size()),
                       word.substr(comma + kValuePart.size()));
      continue;
    }
    size_t equals = word.find('=');
    if (equals == std::string::npos || equals == 0) {
      return core::usageError("--parameter-overrides takes Key=Value pairs, got '" + word + "'");
    }
    out.emplace_back(word.substr(0, equals), word.substr(equals + 1));
  }
  return core::okStatus();
}

bool isParameterName(std::string_view key) {
  return !key.empty() && std::all_of(key.begin(), key.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c));
  });
}

bool exists(const std::string& path) {
  struct stat status {};
  return ::lstat(path.c_str(), &status) == 0;
}

// A separate argument after the option's value that continues the list of pairs.
bool continuesPairs(const Arguments& args) {
  if (args.done() || args.atOption()) return false;
  const std::string& word = args.current();
  size_t equals = word.find('=');
  if (equals == std::string::npos) return false;
  bool pair =
      word.rfind(kKeyPrefix, 0) == 0 || isParameterName(std::string_view(word).substr(0, equals));
  return pair && !exists(word);
}

}  // namespace

std::optional<core::Status> readParameterOverrides(Arguments& args, ParameterOverrides& out) {
  auto first = args.option({"--parameter-overrides"});
  if (!first) return std::nullopt;
  if (!*first) return core::Status(first->error());
  if (auto status = parsePairs(first->value(), out); !status) return status;
  while (continuesPairs(args)) {
    if (auto status = parsePairs(args.positional().value(), out); !status) return status;
  }
  return core::okStatus();
}

std::vector<std::string> unknownParameters(const model::Template& templ,
                                           const ParameterOverrides& overrides) {
  std::vector<std::string> unknown;
  for (const auto& [key, value] : overrides) {
    if (!templ.parameter(key) && std::find(unknown.begin(), unknown.end(), key) == unknown.end()) {
      unknown.push_back(key);
    }
  }
  return unknown;
}

std::string describeUnknownParameters(const model::Template& templ,
                                      const std::vector<std::string>& unknown,
                                      const std::string& templateName) {
  std::string names;
  for (const std::string& key : unknown) names += (names.empty() ? "`" : ", `") + key + "`";
  std::string declared;
  if (const model::Node* parameters = templ.parameters(); parameters && parameters->isMapping()) {
    for (const model::MapEntry& entry : parameters->entries()) {
      declared += (declared.empty() ? "" : ", ") + entry.key.text();
    }
  }
  return names + (unknown.size() == 1 ? " is not a parameter of " : " are not parameters of ") +
         templateName +
         (declared.empty() ? " (it declares none)" : " (its parameters: " + declared + ")");
}

}  // namespace samshift::cli

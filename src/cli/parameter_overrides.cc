#include "cli/parameter_overrides.h"

namespace samshift::cli {

namespace {

// Splits on blanks outside quotes and drops the quotes: `A=1 B='x y'` → `A=1`, `B=x y`.
std::vector<std::string> splitWords(const std::string& text) {
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
  if (inWord) words.push_back(word);
  return words;
}

core::Status parseOverrides(const std::string& text,
                            std::vector<std::pair<std::string, std::string>>& out) {
  const std::string kKey = "ParameterKey=";
  const std::string kValue = ",ParameterValue=";
  for (const std::string& word : splitWords(text)) {
    if (word.rfind(kKey, 0) == 0) {
      size_t comma = word.find(kValue);
      if (comma == std::string::npos) {
        return core::usageError("--parameter-overrides: '" + word + "' has no ParameterValue");
      }
      out.emplace_back(word.substr(kKey.size(), comma - kKey.size()),
                       word.substr(comma + kValue.size()));
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

}  // namespace

std::optional<core::Status> readParameterOverrides(Arguments& args, ParameterOverrides& out) {
  auto first = args.option({"--parameter-overrides"});
  if (!first) return std::nullopt;
  if (!*first) return core::Status(first->error());
  if (auto status = parseOverrides(first->value(), out); !status) return status;
  // `sam deploy` also takes the pairs as separate arguments: `--parameter-overrides A=1 B=2`.
  while (!args.done() && !args.atOption() && args.current().find('=') != std::string::npos) {
    if (auto status = parseOverrides(args.positional().value(), out); !status) return status;
  }
  return core::okStatus();
}

}  // namespace samshift::cli

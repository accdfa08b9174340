#include "model/scalar_resolver.h"

#include <re2/re2.h>

#include <cmath>
#include <cstdlib>
#include <limits>
#include <string>

namespace samshift::model {

namespace {

// The implicit resolvers of PyYAML 6 (resolver.py), in the order PyYAML tries them.
const RE2& boolPattern() {
  static const RE2 kPattern(
      "yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF");
  return kPattern;
}
const RE2& floatPattern() {
  static const RE2 kPattern(R"([-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?)"
                            R"(|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?)"
                            R"(|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*)"
                            R"(|[-+]?\.(?:inf|Inf|INF))"
                            R"(|\.(?:nan|NaN|NAN))");
  return kPattern;
}
const RE2& intPattern() {
  static const RE2 kPattern(R"([-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*))"
                            R"(|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)");
  return kPattern;
}
const RE2& nullPattern() {
  static const RE2 kPattern("~|null|Null|NULL");
  return kPattern;
}

std::string withoutUnderscores(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c != '_') out += c;
  }
  return out;
}

// Splits a leading sign off; returns -1 or +1.
int takeSign(std::string& digits) {
  int sign = 1;
  if (!digits.empty() && (digits[0] == '-' || digits[0] == '+')) {
    if (digits[0] == '-') sign = -1;
    digits.erase(0, 1);
  }
  return sign;
}

// Base-60 value of `a:b:c`, most significant part first.
template <typename Number, typename Parse>
Number sexagesimal(const std::string& digits, Parse parse) {
  Number value = 0;
  size_t start = 0;
  while (true) {
    size_t colon = digits.find(':', start);
    std::string part =
        digits.substr(start, colon == std::string::npos ? std::string::npos : colon - start);
    value = value * 60 + parse(part);
    if (colon == std::string::npos) break;
    start = colon + 1;
  }
  return value;
}

void setInt(std::string_view text, Node& node) {
  std::string digits = withoutUnderscores(text);
  int sign = takeSign(digits);
  errno = 0;
  long double magnitude = 0;  // wide enough to notice overflow of int64
  if (digits == "0") {
    magnitude = 0;
  } else if (digits.rfind("0b", 0) == 0) {
    magnitude = static_cast<long double>(std::strtoull(digits.c_str() + 2, nullptr, 2));
  } else if (digits.rfind("0x", 0) == 0) {
    magnitude = static_cast<long double>(std::strtoull(digits.c_str() + 2, nullptr, 16));
  } else if (digits[0] == '0') {
    magnitude = static_cast<long double>(std::strtoull(digits.c_str() + 1, nullptr, 8));
  } else if (digits.find(':') != std::string::npos) {
    magnitude = sexagesimal<long double>(digits, [](const std::string& part) {
      return static_cast<long double>(std::strtoull(part.c_str(), nullptr, 10));
    });
  } else {
    magnitude = std::strtold(digits.c_str(), nullptr);
  }
  long double value = sign * magnitude;
  node.setScalar(NodeKind::kInt, std::string(text));
  if (errno == ERANGE || value > static_cast<long double>(std::numeric_limits<int64_t>::max()) ||
      value < static_cast<long double>(std::numeric_limits<int64_t>::min())) {
    // Beyond 64 bits PyYAML keeps an exact integer; we keep the nearest double.
    node.setScalar(NodeKind::kFloat, std::string(text));
    node.setFloatValue(static_cast<double>(value));
    return;
  }
  // Re-parse exactly where long double could round (plain decimal is the common case).
  if (digits.find_first_not_of("0123456789") == std::string::npos && digits[0] != '0') {
    // Negated as unsigned: -9223372036854775808 has a magnitude one past INT64_MAX, and
    // `sign * int64_t(magnitude)` overflowed there (undefined behaviour).
    uint64_t exact = std::strtoull(digits.c_str(), nullptr, 10);
    node.setIntValue(static_cast<int64_t>(sign < 0 ? 0 - exact : exact));
  } else {
    node.setIntValue(static_cast<int64_t>(value));
  }
}

void setFloat(std::string_view text, Node& node) {
  std::string digits = withoutUnderscores(text);
  for (char& c : digits) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  int sign = takeSign(digits);
  double value = 0;
  if (digits == ".inf") {
    value = std::numeric_limits<double>::infinity();
  } else if (digits == ".nan") {
    value = std::numeric_limits<double>::quiet_NaN();
  } else if (digits.find(':') != std::string::npos) {
    value = sexagesimal<double>(
        digits, [](const std::string& part) { return std::strtod(part.c_str(), nullptr); });
  } else {
    value = std::strtod(digits.c_str(), nullptr);
  }
  node.setScalar(NodeKind::kFloat, std::string(text));
  node.setFloatValue(sign * value);
}

}  // namespace

BigInteger bigInteger(const Node& node) {
  const std::string& text = node.text();
  if (!node.isFloat() || text.empty() || node.tag() == "tag:yaml.org,2002:float" ||
      !RE2::FullMatch(text, intPattern())) {
    return BigInteger::kNo;
  }
  size_t first = text[0] == '-' || text[0] == '+' ? 1 : 0;
  bool decimal = text.find(':') == std::string::npos && text.size() > first && text[first] != '0';
  return decimal ? BigInteger::kDecimal : BigInteger::kOtherBase;
}

std::string bigIntegerDigits(const Node& node) {
  std::string digits = withoutUnderscores(node.text());
  if (takeSign(digits) < 0) digits.insert(0, 1, '-');
  return digits;
}

void resolvePlainScalar(std::string_view text, Node& node) {
  // Like PyYAML's resolver, only the patterns that may start with the first character are tried,
  // and only when the text is no longer than their longest word ("null", "false").
  char first = text.empty() ? '\0' : text[0];
  if (text.empty() || ((first == '~' || first == 'n' || first == 'N') && text.size() <= 4 &&
                       RE2::FullMatch(text, nullPattern()))) {
    node.setScalar(NodeKind::kNull, std::string(text));
    return;
  }
  bool numeric = first == '-' || first == '+' || first == '.' || (first >= '0' && first <= '9');
  if (text.size() <= 5 && std::string_view("yYnNtTfFoO").find(first) != std::string_view::npos &&
      RE2::FullMatch(text, boolPattern())) {
    node.setScalar(NodeKind::kBool, std::string(text));
    node.setBoolValue(first == 'y' || first == 'Y' || first == 't' || first == 'T' ||
                      text == "on" || text == "On" || text == "ON");
    return;
  }
  if (numeric && RE2::FullMatch(text, floatPattern())) {
    setFloat(text, node);
    return;
  }
  if (numeric && first != '.' && RE2::FullMatch(text, intPattern())) {
    setInt(text, node);
    return;
  }
  node.setScalar(NodeKind::kString, std::string(text));
}

}  // namespace samshift::model

#include "sam/s3_uri.h"

#include <re2/re2.h>

#include <cctype>
#include <vector>

namespace samshift::sam {

namespace {

using Kind = S3UriReading::Kind;

// urlsplit's scheme: a letter, then letters, digits, `+`, `-` or `.`, before the first colon.
std::optional<std::string> schemeOf(std::string_view uri, size_t colon) {
  if (colon == std::string_view::npos || colon == 0) return std::nullopt;
  if (!std::isalpha(static_cast<unsigned char>(uri[0]))) return std::nullopt;
  std::string scheme;
  for (char c : uri.substr(0, colon)) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.')
      return std::nullopt;
    scheme += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return scheme;
}

// parse_qs's values of `versionId` (blank values dropped); nullopt when a part is percent- or
// plus-encoded, which parse_qs decodes.
std::optional<std::vector<std::string>> versionIds(std::string_view query) {
  std::vector<std::string> values;
  while (!query.empty()) {
    size_t amp = query.find('&');
    std::string_view part = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    size_t equals = part.find('=');
    if (equals == std::string_view::npos || equals + 1 == part.size()) continue;
    if (part.find_first_of("%+") != std::string_view::npos) return std::nullopt;
    if (part.substr(0, equals) == "versionId") values.emplace_back(part.substr(equals + 1));
  }
  return values;
}

}  // namespace

S3UriReading readS3Uri(std::string_view uri) {
  for (char c : uri) {
    auto byte = static_cast<unsigned char>(c);
    // urlsplit strips or removes some of these, and checks non-ASCII host names (NFKC).
    if (byte < 0x20 || byte >= 0x7f) return {Kind::kUnsure, {}};
  }
  if (!uri.empty() && uri[0] == ' ') return {Kind::kUnsure, {}};
  size_t colon = uri.find(':');
  std::optional<std::string> scheme = schemeOf(uri, colon);
  if (!scheme || *scheme != "s3") return {Kind::kInvalid, {}};
  std::string_view rest = uri.substr(colon + 1);
  if (rest.substr(0, 2) != "//") return {Kind::kInvalid, {}};
  rest.remove_prefix(2);
  size_t netlocEnd = rest.find_first_of("/?#");
  std::string_view netloc = rest.substr(0, netlocEnd);
  // urllib validates bracketed hosts (IPv6) and refuses unbalanced brackets.
  if (netloc.find_first_of("[]") != std::string_view::npos) return {Kind::kUnsure, {}};
  rest = netlocEnd == std::string_view::npos ? std::string_view() : rest.substr(netlocEnd);
  rest = rest.substr(0, rest.find('#'));
  size_t question = rest.find('?');
  std::string_view path = rest.substr(0, question);
  std::string_view query =
      question == std::string_view::npos ? std::string_view() : rest.substr(question + 1);
  if (netloc.empty() || path.empty()) return {Kind::kInvalid, {}};
  std::optional<std::vector<std::string>> versions = versionIds(query);
  if (!versions) return {Kind::kUnsure, {}};
  S3UriReading reading{Kind::kLocation, {std::string(netloc), {}, std::nullopt}};
  size_t keyStart = path.find_first_not_of('/');
  reading.location.key =
      keyStart == std::string_view::npos ? "" : std::string(path.substr(keyStart));
  if (versions->size() == 1) reading.location.version = versions->front();
  return reading;
}

bool hasS3DynamicReference(std::string_view uri) {
  // RE2: linear in the text, whatever its length (std::regex recurses per character).
  static const RE2 kPattern(
      R"(\{\{resolve:(ssm|ssm-secure|secretsmanager):[a-zA-Z0-9_.\-/]+(:\d+)?\}\})");
  re2::StringPiece match;
  if (!kPattern.Match(re2::StringPiece(uri.data(), uri.size()), 0, uri.size(), RE2::UNANCHORED,
                      &match, 1)) {
    return false;
  }
  return std::string_view(match.data(), match.size()).find('/') != std::string_view::npos;
}

}  // namespace samshift::sam

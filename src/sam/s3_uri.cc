#include "sam/s3_uri.h"

#include <regex>
#include <vector>

namespace samshift::sam {

S3UriParse parseS3Uri(std::string_view uri) {
  S3UriParse out;
  for (char c : uri) {
    auto byte = static_cast<unsigned char>(c);
    if (byte <= 0x20 || byte >= 0x7f || c == '#' || c == '[' || c == ']' || c == '%' || c == '+' ||
        c == ';') {
      out.unsure = true;
      return out;
    }
  }
  size_t colon = uri.find(':');
  if (colon == std::string_view::npos || colon != 2 || (uri[0] != 's' && uri[0] != 'S') ||
      uri[1] != '3') {
    return out;  // another scheme, or none
  }
  std::string_view rest = uri.substr(3);
  if (rest.substr(0, 2) != "//") return out;  // no netloc
  rest.remove_prefix(2);
  size_t netlocEnd = rest.find_first_of("/?");
  std::string_view netloc = rest.substr(0, netlocEnd);
  rest = netlocEnd == std::string_view::npos ? std::string_view() : rest.substr(netlocEnd);
  size_t queryStart = rest.find('?');
  std::string_view path = rest.substr(0, queryStart);
  std::string_view query =
      queryStart == std::string_view::npos ? std::string_view() : rest.substr(queryStart + 1);
  if (netloc.empty() || path.empty()) return out;
  size_t keyStart = path.find_first_not_of('/');  // path.lstrip("/")
  S3Pointer pointer{
      std::string(netloc),
      std::string(keyStart == std::string_view::npos ? std::string_view() : path.substr(keyStart)),
      std::nullopt};
  // parse_qs: `&`-separated name=value pairs, those without `=` or with an empty value dropped.
  std::vector<std::string> versions;
  while (!query.empty()) {
    size_t amp = query.find('&');
    std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    size_t eq = pair.find('=');
    if (eq == std::string_view::npos || eq + 1 == pair.size()) continue;
    if (pair.substr(0, eq) == "versionId") versions.emplace_back(pair.substr(eq + 1));
  }
  if (versions.size() == 1) pointer.version = versions[0];
  out.pointer = std::move(pointer);
  return out;
}

bool hasS3DynamicReference(std::string_view uri) {
  static const std::regex kPattern(
      R"(\{\{resolve:(ssm|ssm-secure|secretsmanager):[a-zA-Z0-9_.\-/]+(:\d+)?\}\})");
  std::match_results<std::string_view::const_iterator> match;
  if (!std::regex_search(uri.begin(), uri.end(), match, kPattern)) return false;
  return match.str(0).find('/') != std::string::npos;
}

}  // namespace samshift::sam

#include "expand/version_hash.h"

#include <openssl/sha.h>

#include "expand/python_json.h"

namespace samshift::expand {

std::string sha1Hex(std::string_view bytes) {
  unsigned char digest[SHA_DIGEST_LENGTH];
  SHA1(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), digest);
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned char byte : digest) {
    out += kHex[byte >> 4];
    out += kHex[byte & 15];
  }
  return out;
}

std::string versionHash(const model::Node& data) { return sha1Hex(pythonJson(data)).substr(0, 10); }

}  // namespace samshift::expand

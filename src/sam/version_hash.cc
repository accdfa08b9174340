#include "sam/version_hash.h"

// The low-level SHA-1 calls skip OpenSSL 3's provider initialisation (reading openssl.cnf,
// loading the default provider), which would cost more than the whole expansion of a template.
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/sha.h>

#include "sam/python_json.h"

namespace samshift::sam {

std::string sha1Hex(std::string_view bytes) {
  unsigned char digest[SHA_DIGEST_LENGTH];
  SHA_CTX context;
  SHA1_Init(&context);
  SHA1_Update(&context, bytes.data(), bytes.size());
  SHA1_Final(digest, &context);
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned char byte : digest) {
    out += kHex[byte >> 4];
    out += kHex[byte & 15];
  }
  return out;
}

std::string versionHash(const model::Node& data) { return sha1Hex(pythonJson(data)).substr(0, 10); }

}  // namespace samshift::sam

#include "load/text_checks.h"

#include <cstdio>
#include <string>

#include "core/utf8.h"

namespace samshift::load {

namespace {

model::LoadProblem syntaxProblem(size_t offset, std::string message) {
  auto at = static_cast<uint32_t>(offset);
  return model::LoadProblem{
      model::ProblemKind::kSyntax, core::Span{at, at + 1}, std::move(message), {}, {}};
}

std::string codePointName(uint32_t cp) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "U+%04X", cp);
  return buffer;
}

// YAML 1.1's printable set (what PyYAML's reader accepts): tab, line breaks, and everything
// from space upwards except DEL, the C1 controls other than NEL, surrogates and U+FFFE/FFFF.
bool isPrintable(uint32_t cp) {
  if (cp == 0x09 || cp == 0x0A || cp == 0x0D || cp == 0x85) return true;
  if (cp >= 0x20 && cp <= 0x7E) return true;
  if (cp >= 0xA0 && cp <= 0xD7FF) return true;
  if (cp >= 0xE000 && cp <= 0xFFFD) return true;
  return cp >= 0x10000 && cp <= 0x10FFFF;
}

// Per-byte masks over an ASCII word: the high bit of each byte says whether that byte qualifies.
constexpr uint64_t kOnes = 0x0101010101010101ull;
constexpr uint64_t kHighBits = 0x8080808080808080ull;
uint64_t nonZeroBytes(uint64_t word) {
  return (((word & ~kHighBits) + ~kHighBits) | word) & kHighBits;
}
uint64_t bytesEqual(uint64_t word, uint8_t value) {
  return ~nonZeroBytes(word ^ (kOnes * value)) & kHighBits;
}

// True when all 8 bytes are printable ASCII, a tab or a line break: the bulk of any template.
bool isPlainTextWord(uint64_t word) {
  if (!core::isAsciiWord(word)) return false;
  uint64_t spaceOrAbove = ((word & ~kHighBits) + kOnes * (0x80 - 0x20)) & kHighBits;
  uint64_t allowedControl =
      bytesEqual(word, '\n') | bytesEqual(word, '\r') | bytesEqual(word, '\t');
  return ((spaceOrAbove | allowedControl) == kHighBits) && bytesEqual(word, 0x7F) == 0;
}

}  // namespace

size_t byteOrderMarkLength(std::string_view text) {
  return text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
}

model::LoadProblem tooLargeProblem(const LoadLimits& limits) {
  // Reading stops one byte past the limit, so the size itself is not known.
  return syntaxProblem(
      0, "File is larger than the limit of " + std::to_string(limits.maxBytes) + " bytes");
}

std::optional<model::LoadProblem> findUnreadableText(std::string_view text,
                                                     const LoadLimits& limits) {
  if (text.size() > limits.maxBytes) return tooLargeProblem(limits);
  if (text.substr(0, 2) == "\xFF\xFE" || text.substr(0, 2) == "\xFE\xFF") {
    return syntaxProblem(0, "File is encoded as UTF-16 or UTF-32; templates must be UTF-8");
  }
  if (size_t bad = core::findInvalidUtf8(text); bad != std::string_view::npos) {
    char byte[8];
    std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(text[bad]));
    return syntaxProblem(
        bad, std::string("Invalid UTF-8: byte ") + byte + " does not start a valid sequence");
  }
  size_t index = byteOrderMarkLength(text);
  while (index < text.size()) {
    if (index + 8 <= text.size() && isPlainTextWord(core::loadWord(text, index))) {
      index += 8;
      continue;
    }
    auto byte = static_cast<unsigned char>(text[index]);
    if (byte >= 0x20 && byte < 0x7F) {
      ++index;
      continue;
    }
    size_t at = index;
    uint32_t cp = core::decodeUtf8(text, index);
    if (!isPrintable(cp)) {
      return syntaxProblem(at, "Unacceptable character " + codePointName(cp) +
                                   ": control characters are not allowed in a template");
    }
  }
  return std::nullopt;
}

}  // namespace samshift::load

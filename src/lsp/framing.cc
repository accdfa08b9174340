#include "lsp/framing.h"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace samshift::lsp {

namespace {

constexpr std::string_view kLengthHeader = "content-length";

char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

bool equalsNoCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

enum class Match { kNo, kYes, kNeedMore };

// Whether `text` starts with a line `Content-Length: <digits>` (any case, blanks around the colon
// and after the digits) ended by a line break. Bounded: a candidate is decided within ~80 bytes.
Match matchLengthLine(std::string_view text) {
  constexpr size_t kMaxBlanks = 16;
  constexpr size_t kMaxDigits = 20;
  size_t at = 0;
  for (; at < kLengthHeader.size(); ++at) {
    if (at == text.size()) return Match::kNeedMore;
    if (lower(text[at]) != kLengthHeader[at]) return Match::kNo;
  }
  auto skipBlanks = [&]() {
    size_t begin = at;
    while (at < text.size() && at - begin <= kMaxBlanks && (text[at] == ' ' || text[at] == '\t'))
      ++at;
    return at - begin <= kMaxBlanks;
  };
  if (!skipBlanks()) return Match::kNo;
  if (at == text.size()) return Match::kNeedMore;
  if (text[at++] != ':') return Match::kNo;
  if (!skipBlanks()) return Match::kNo;
  size_t digits = at;
  while (at < text.size() && at - digits <= kMaxDigits &&
         std::isdigit(static_cast<unsigned char>(text[at])))
    ++at;
  if (at - digits > kMaxDigits) return Match::kNo;
  if (at == text.size()) return Match::kNeedMore;
  if (at == digits) return Match::kNo;
  if (!skipBlanks()) return Match::kNo;
  if (at == text.size()) return Match::kNeedMore;
  return text[at] == '\r' || text[at] == '\n' ? Match::kYes : Match::kNo;
}

// The end of the header block (the offset of its empty line's break) and the length of that
// blank-line separator, searched only within the bytes a header block may take.
std::pair<size_t, size_t> headerEnd(std::string_view rest, size_t window) {
  std::string_view head = rest.substr(0, window);
  size_t crlf = head.find("\r\n\r\n");
  size_t lf = head.find("\n\n");
  if (crlf != std::string_view::npos && (lf == std::string_view::npos || crlf < lf))
    return {crlf, 4};
  if (lf != std::string_view::npos) return {lf, 2};
  return {std::string_view::npos, 0};
}

}  // namespace

void FrameReader::feed(std::string_view bytes) {
  // While skipping, bytes are looked at in slices and dropped: only a possible header start is
  // ever kept, however much a client sends.
  while (resyncing_ && !bytes.empty()) {
    size_t slice = std::min(bytes.size(), kMaxHeaderBytes);
    buffer_.append(bytes.substr(0, slice));
    bytes.remove_prefix(slice);
    resynchronise();
    compact();
  }
  buffer_.append(bytes);
}

void FrameReader::compact() {
  // Keep the buffer from growing with every message read; erase the consumed prefix in bulk.
  if (start_ > 0 && (start_ >= buffer_.size() || start_ > (64u << 10))) {
    buffer_.erase(0, start_);
    start_ = 0;
  }
  if (buffer_.empty() && buffer_.capacity() > (1u << 20)) buffer_.shrink_to_fit();
}

std::optional<Frame> FrameReader::next() {
  if (!inBody_) {
    std::optional<Frame> header = parseHeader();
    if (!inBody_) {
      compact();
      return header;
    }
  }
  if (buffer_.size() - start_ < bodyLength_) return std::nullopt;
  Frame frame{Frame::Kind::kMessage, buffer_.substr(start_, bodyLength_)};
  start_ += bodyLength_;
  inBody_ = false;
  compact();
  return frame;
}

bool FrameReader::resynchronise() {
  std::string_view rest(buffer_.data() + start_, buffer_.size() - start_);
  for (size_t at = rest.find_first_of("cC"); at != std::string_view::npos;
       at = rest.find_first_of("cC", at + 1)) {
    Match match = matchLengthLine(rest.substr(at));
    if (match == Match::kNo) continue;
    // A header, or what may become one when more bytes arrive: keep it, drop what precedes it.
    start_ += at;
    resyncing_ = match != Match::kYes;
    return !resyncing_;
  }
  start_ = buffer_.size();
  return false;
}

// Reads one header block. Returns an error frame for a malformed block (and skips it), nothing
// when the block is incomplete or was parsed (then inBody_ is set).
std::optional<Frame> FrameReader::parseHeader() {
  if (resyncing_ && !resynchronise()) return std::nullopt;
  std::string_view rest(buffer_.data() + start_, buffer_.size() - start_);
  // Tolerate stray line breaks between messages.
  size_t skipped = 0;
  while (skipped < rest.size() && (rest[skipped] == '\r' || rest[skipped] == '\n')) ++skipped;
  start_ += skipped;
  rest.remove_prefix(skipped);
  if (rest.empty()) return std::nullopt;

  // Some clients and hand-written tests end header lines with a bare LF.
  auto [end, separator] = headerEnd(rest, kMaxHeaderBytes + 4);
  if (end == std::string_view::npos) {
    if (rest.size() < kMaxHeaderBytes + 4) return std::nullopt;
    ++start_;
    resyncing_ = true;
    return Frame{Frame::Kind::kError,
                 "header block longer than " + std::to_string(kMaxHeaderBytes) + " bytes"};
  }

  std::string_view block = rest.substr(0, end);
  size_t consumed = end + separator;
  std::optional<size_t> length;
  std::string problem;
  while (!block.empty()) {
    size_t lineEnd = block.find('\n');
    std::string_view line = block.substr(0, lineEnd);
    block = lineEnd == std::string_view::npos ? std::string_view() : block.substr(lineEnd + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) {
      problem = "malformed header line '" + std::string(line.substr(0, 80)) + "'";
      break;
    }
    std::string_view value = trim(line.substr(colon + 1));
    if (equalsNoCase(trim(line.substr(0, colon)), kLengthHeader)) {
      size_t parsed = 0;
      auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), parsed);
      if (ec != std::errc() || ptr != value.data() + value.size() || value.empty()) {
        problem = "invalid Content-Length '" + std::string(value.substr(0, 40)) + "'";
        break;
      }
      length = parsed;
    }
  }
  if (problem.empty() && !length) problem = "header without Content-Length";
  if (problem.empty() && *length > kMaxMessageBytes) {
    problem = "message of " + std::to_string(*length) + " bytes exceeds the limit of " +
              std::to_string(kMaxMessageBytes) + " bytes";
  }
  start_ += consumed;
  if (!problem.empty()) {
    resyncing_ = true;
    return Frame{Frame::Kind::kError, problem};
  }
  bodyLength_ = *length;
  inBody_ = true;
  return std::nullopt;
}

std::string frameMessage(std::string_view json) {
  std::string out = "Content-Length: " + std::to_string(json.size()) + "\r\n\r\n";
  out.append(json);
  return out;
}

}  // namespace samshift::lsp

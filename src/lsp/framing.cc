#include "lsp/framing.h"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace samshift::lsp {

namespace {

bool startsWithNoCase(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(text[i])) != std::tolower(static_cast<unsigned char>(prefix[i]))) {
      return false;
    }
  }
  return true;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

}  // namespace

void FrameReader::feed(std::string_view bytes) {
  if (skipping_ > 0) {
    size_t drop = std::min(skipping_, bytes.size());
    skipping_ -= drop;
    bytes.remove_prefix(drop);
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

// Reads one header block. Returns an error frame for a malformed block (and skips it), nothing
// when the block is incomplete or was parsed (then inBody_ is set).
std::optional<Frame> FrameReader::parseHeader() {
  std::string_view rest(buffer_.data() + start_, buffer_.size() - start_);
  // Tolerate stray line breaks between messages.
  size_t skipped = 0;
  while (skipped < rest.size() && (rest[skipped] == '\r' || rest[skipped] == '\n')) ++skipped;
  start_ += skipped;
  rest.remove_prefix(skipped);
  if (rest.empty()) return std::nullopt;
  if (resyncing_) {
    constexpr std::string_view kHeader = "Content-Length";
    size_t found = rest.find(kHeader);
    if (found == std::string_view::npos) {
      // Keep a tail that may be the start of a header cut in two.
      size_t keep = std::min(rest.size(), kHeader.size() - 1);
      start_ += rest.size() - keep;
      return std::nullopt;
    }
    start_ += found;
    rest.remove_prefix(found);
    resyncing_ = false;
  }

  size_t end = rest.find("\r\n\r\n");
  size_t separator = 4;
  if (end == std::string_view::npos) {
    // Some clients and hand-written tests end header lines with a bare LF.
    end = rest.find("\n\n");
    separator = 2;
  }
  if (end == std::string_view::npos) {
    if (rest.size() <= kMaxHeaderBytes) return std::nullopt;
    // No header ends within the limit: drop the junk up to the next header, or all of it.
    size_t resume = rest.find("Content-Length", 1);
    size_t drop = resume == std::string_view::npos ? rest.size() : resume;
    start_ += drop;
    return Frame{Frame::Kind::kError, "header block longer than " + std::to_string(kMaxHeaderBytes) + " bytes"};
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
    std::string_view name = trim(line.substr(0, colon));
    std::string_view value = trim(line.substr(colon + 1));
    if (startsWithNoCase(name, "content-length") && name.size() == 14) {
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
  if (!problem.empty()) {
    start_ += consumed;
    resyncing_ = true;
    return Frame{Frame::Kind::kError, problem};
  }
  start_ += consumed;
  if (*length > kMaxMessageBytes) {
    size_t available = std::min(*length, buffer_.size() - start_);
    start_ += available;
    skipping_ = *length - available;
    return Frame{Frame::Kind::kError, "message of " + std::to_string(*length) + " bytes exceeds the limit of " +
                                          std::to_string(kMaxMessageBytes) + " bytes"};
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

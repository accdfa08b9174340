#pragma once
// The base protocol of LSP: each message is a header block (`Content-Length: N`, optionally
// `Content-Type`, each line ended by CRLF, the block ended by an empty line) and N bytes of JSON.
// FrameReader is fed bytes as they arrive and hands out whole messages, or a framing error after
// which it has skipped to the next plausible header so that the session keeps going.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace samshift::lsp {

// Larger bodies are skipped without being buffered. Templates are at most 1 MB in CloudFormation;
// this leaves room for any editor buffer that could matter while bounding memory.
inline constexpr size_t kMaxMessageBytes = 64u << 20;
// A header block longer than this is not a header.
inline constexpr size_t kMaxHeaderBytes = 8192;

struct Frame {
  enum class Kind { kMessage, kError };
  Kind kind = Kind::kMessage;
  std::string body;  // the JSON text, or the error's description
};

class FrameReader {
 public:
  void feed(std::string_view bytes);
  // The next complete message or framing error, if the bytes fed so far hold one.
  std::optional<Frame> next();
  // Bytes fed but not yet returned (a partial message).
  size_t buffered() const { return buffer_.size() - start_; }

 private:
  std::optional<Frame> parseHeader();
  void compact();

  std::string buffer_;
  size_t start_ = 0;       // where unread bytes begin in buffer_
  size_t bodyLength_ = 0;  // length of the body being read, once its header is parsed
  bool inBody_ = false;
  size_t skipping_ = 0;     // bytes of an oversized body still to discard
  bool resyncing_ = false;  // after a bad header: the body is of unknown length, skip to the next header
};

// Frames one JSON message for writing.
std::string frameMessage(std::string_view json);

}  // namespace samshift::lsp

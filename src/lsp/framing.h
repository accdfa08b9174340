#pragma once
// The base protocol of LSP: each message is a header block (`Content-Length: N`, optionally
// `Content-Type`, each line ended by CRLF, the block ended by an empty line) and N bytes of JSON.
// FrameReader is fed bytes as they arrive and hands out whole messages, or a framing error after
// which it skips to the next header so that the session keeps going.
//
// Header names are case-insensitive. Skipping ("resynchronising") looks for a line
// `Content-Length: <digits>` followed by a line break, in any case: valid JSON cannot hold one
// (a string holds no raw line break, a key is quoted), so a skipped body is never mistaken for a
// header. A body longer than kMaxMessageBytes is never buffered: it is skipped the same way,
// whatever length it claims, so a client that announces 2^64 bytes loses that message only.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace samshift::lsp {

// Larger bodies are skipped without being buffered. Templates are at most 1 MB in CloudFormation;
// this leaves room for any editor buffer that could matter while bounding memory. It is the
// loader's input limit, which also caps an open document (limits.h).
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
  // Bytes fed but not yet returned (a partial message, or the start of a header being looked for).
  size_t buffered() const { return buffer_.size() - start_; }
  // True when the bytes fed so far end inside a message (what is lost if the input ends now).
  bool midMessage() const { return inBody_ || (!resyncing_ && buffered() > 0); }

 private:
  std::optional<Frame> parseHeader();
  // Drops bytes up to the next header; false while none has arrived yet.
  bool resynchronise();
  void compact();

  std::string buffer_;
  size_t start_ = 0;       // where unread bytes begin in buffer_
  size_t bodyLength_ = 0;  // length of the body being read, once its header is parsed
  bool inBody_ = false;
  bool resyncing_ = false;  // after a bad or oversized header: skip to the next header
};

// Frames one JSON message for writing.
std::string frameMessage(std::string_view json);

}  // namespace samshift::lsp

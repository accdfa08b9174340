#pragma once
// Where messages come from: a file descriptor (stdio, a pipe) or an std::istream (tests). Both
// hand out whole frames; `next(timeoutMs)` lets the server notice that the client has gone
// quiet, which is when it lints the documents changed in the meantime.

#include <istream>
#include <optional>
#include <string>

#include "lsp/framing.h"

namespace samshift::lsp {

struct Incoming {
  enum class Kind { kMessage, kFramingError, kIdle, kEnd };
  Kind kind = Kind::kEnd;
  std::string body;  // message JSON or error description; for kEnd, what an unfinished message lost
};

class Transport {
 public:
  virtual ~Transport() = default;
  // Waits at most `timeoutMs` (negative: without limit) for the next frame. kIdle: nothing
  // arrived in time; kEnd: the input is closed and every buffered frame was handed out.
  virtual Incoming next(int timeoutMs) = 0;
};

// Reads a file descriptor with poll(2) and read(2).
class FdTransport : public Transport {
 public:
  explicit FdTransport(int fd) : fd_(fd) {}
  Incoming next(int timeoutMs) override;

 private:
  int fd_;
  FrameReader reader_;
  bool closed_ = false;
};

// Reads an istream, which never blocks: the client is treated as pausing after every message
// when `pauseAfterEachMessage`, else as sending everything at once, so that tests decide
// deterministically whether edits are coalesced.
class StreamTransport : public Transport {
 public:
  StreamTransport(std::istream& in, bool pauseAfterEachMessage)
      : in_(in), pause_(pauseAfterEachMessage) {}
  Incoming next(int timeoutMs) override;

 private:
  std::istream& in_;
  bool pause_;
  bool justDelivered_ = false;
  FrameReader reader_;
  bool closed_ = false;
};

}  // namespace samshift::lsp

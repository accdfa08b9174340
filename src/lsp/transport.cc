#include "lsp/transport.h"

#include <poll.h>
#include <unistd.h>

#include <cerrno>

namespace samshift::lsp {

namespace {

std::optional<Incoming> fromFrame(std::optional<Frame> frame) {
  if (!frame) return std::nullopt;
  if (frame->kind == Frame::Kind::kError)
    return Incoming{Incoming::Kind::kFramingError, std::move(frame->body)};
  return Incoming{Incoming::Kind::kMessage, std::move(frame->body)};
}

// The end of input; its body says what was cut off, if anything.
Incoming endOfInput(const FrameReader& reader) {
  if (!reader.midMessage()) return Incoming{Incoming::Kind::kEnd, {}};
  return Incoming{Incoming::Kind::kEnd, "the input ended inside a message (" +
                                            std::to_string(reader.buffered()) +
                                            " bytes of it were dropped)"};
}

}  // namespace

Incoming FdTransport::next(int timeoutMs) {
  char buffer[1 << 16];
  for (;;) {
    if (auto ready = fromFrame(reader_.next())) return std::move(*ready);
    if (closed_) return endOfInput(reader_);
    pollfd pfd{fd_, POLLIN, 0};
    int polled = ::poll(&pfd, 1, timeoutMs);
    if (polled < 0) {
      if (errno == EINTR) continue;
      closed_ = true;
      continue;
    }
    if (polled == 0) return Incoming{Incoming::Kind::kIdle, {}};
    ssize_t n = ::read(fd_, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      closed_ = true;
      continue;
    }
    reader_.feed(std::string_view(buffer, static_cast<size_t>(n)));
  }
}

Incoming StreamTransport::next(int timeoutMs) {
  if (pause_ && justDelivered_ && timeoutMs >= 0) {
    justDelivered_ = false;
    return Incoming{Incoming::Kind::kIdle, {}};
  }
  char buffer[1 << 14];
  for (;;) {
    if (auto ready = fromFrame(reader_.next())) {
      justDelivered_ = true;
      return std::move(*ready);
    }
    if (closed_) return endOfInput(reader_);
    in_.read(buffer, sizeof buffer);
    std::streamsize n = in_.gcount();
    if (n > 0) reader_.feed(std::string_view(buffer, static_cast<size_t>(n)));
    if (!in_) closed_ = true;
  }
}

}  // namespace samshift::lsp

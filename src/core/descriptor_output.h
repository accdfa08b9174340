#pragma once
// Writing to a file descriptor with every write checked: a short write is resumed, EINTR
// retried, and the first failure (EPIPE, ENOSPC, EFBIG, ...) is kept so that the command can
// report it instead of exiting 0 with half its output written.

#include <memory>
#include <streambuf>
#include <string_view>

namespace samshift::core {

// Writes all of `bytes` to `fd`; 0 on success, else the errno of the failed write.
int writeAll(int fd, std::string_view bytes);

// A stream buffer over a descriptor the caller owns. After the first failure it drops further
// output (the stream goes bad) and `error()` holds the errno.
class DescriptorBuffer : public std::streambuf {
 public:
  explicit DescriptorBuffer(int fd);
  DescriptorBuffer(const DescriptorBuffer&) = delete;
  DescriptorBuffer& operator=(const DescriptorBuffer&) = delete;

  int fd() const { return fd_; }
  // Writes what is buffered; 0 on success, else the errno of the first failed write.
  int flush();
  int error() const { return error_; }

 protected:
  int_type overflow(int_type c) override;
  std::streamsize xsputn(const char* bytes, std::streamsize count) override;
  int sync() override { return flush() == 0 ? 0 : -1; }

 private:
  int fd_;
  int error_ = 0;
  std::unique_ptr<char[]> buffer_;  // not zeroed: a one-shot run pays for what it writes only
};

}  // namespace samshift::core

#include "core/descriptor_output.h"

#include <unistd.h>

#include <cerrno>

namespace samshift::core {

namespace {

constexpr size_t kBufferSize = 64 << 10;

}  // namespace

int writeAll(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    ssize_t written = ::write(fd, bytes.data(), bytes.size());
    if (written < 0) {
      if (errno == EINTR) continue;
      return errno;
    }
    bytes.remove_prefix(static_cast<size_t>(written));
  }
  return 0;
}

DescriptorBuffer::DescriptorBuffer(int fd)
    : fd_(fd), buffer_(std::make_unique_for_overwrite<char[]>(kBufferSize)) {
  setp(buffer_.get(), buffer_.get() + kBufferSize);
}

int DescriptorBuffer::flush() {
  if (error_ == 0)
    error_ = writeAll(fd_, std::string_view(pbase(), static_cast<size_t>(pptr() - pbase())));
  setp(buffer_.get(), buffer_.get() + kBufferSize);
  return error_;
}

DescriptorBuffer::int_type DescriptorBuffer::overflow(int_type c) {
  if (flush() != 0) return traits_type::eof();
  if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
  *pptr() = traits_type::to_char_type(c);
  pbump(1);
  return c;
}

std::streamsize DescriptorBuffer::xsputn(const char* bytes, std::streamsize count) {
  if (error_ != 0) return 0;
  auto size = static_cast<size_t>(count);
  if (size <= static_cast<size_t>(epptr() - pptr())) {
    traits_type::copy(pptr(), bytes, size);
    pbump(static_cast<int>(size));
    return count;
  }
  // Larger than the room left: flush, then write it straight through.
  if (flush() != 0) return 0;
  if (size < kBufferSize) {
    traits_type::copy(pptr(), bytes, size);
    pbump(static_cast<int>(size));
    return count;
  }
  error_ = writeAll(fd_, std::string_view(bytes, size));
  return error_ == 0 ? count : 0;
}

}  // namespace samshift::core

#pragma once
// What one client can make the language server hold, each enforced where the quantity arrives.
// The worst case is kMaxOpenBytes of buffers plus their analyses (about 5 bytes of memory per
// byte of YAML; bench/scaling/lsp.sh measures it).

#include <cstddef>

#include "load/limits.h"
#include "lsp/framing.h"

namespace samshift::lsp {

// A buffer larger than what the loader reads from a file is not held: an open or a change that
// would make it larger is refused (the buffer is dropped and a T001 finding says why).
inline constexpr size_t kMaxDocumentBytes = load::LoadLimits{}.maxBytes;
static_assert(kMaxMessageBytes == kMaxDocumentBytes, "a message holds at most one document");
// Open buffers: how many, and their bytes in all (the text, its URI and path).
inline constexpr size_t kMaxOpenDocuments = 1000;
inline constexpr size_t kMaxOpenBytes = 4 * kMaxDocumentBytes;
// A URI names a file: longer than any path a file system accepts, percent-encoded.
inline constexpr size_t kMaxUriBytes = 16u << 10;
// Content changes in one didChange: each costs O(log n + 1 KiB + its text), about 8,000
// instructions; 100,000 on a 5,000-line buffer take 0.8G instructions (bench/scaling/lsp.sh).
inline constexpr size_t kMaxChangesPerNotification = 100000;

// The limits one server enforces: the constants above, smaller in tests.
struct ServerLimits {
  size_t documentBytes = kMaxDocumentBytes;
  size_t openDocuments = kMaxOpenDocuments;
  size_t openBytes = kMaxOpenBytes;
  size_t uriBytes = kMaxUriBytes;
  size_t changesPerNotification = kMaxChangesPerNotification;
};

}  // namespace samshift::lsp

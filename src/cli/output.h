#pragma once
// Where a command's output goes, the same way for every command: standard output, or the
// `-o FILE` target decided before any work (see core/output_target.h). Every write is checked;
// a failure (a closed pipe, a full disk, a file size limit) is an error naming the output, and
// a file is replaced only once its whole content is known.

#include <memory>
#include <ostream>
#include <sstream>
#include <string>
#include <vector>

#include "core/descriptor_output.h"
#include "core/output_target.h"
#include "core/result.h"

namespace samshift::cli {

// SIGPIPE and SIGXFSZ would end the process silently mid-write; ignored, the write fails with
// EPIPE or EFBIG and the command reports it.
void ignoreSignalsThatHideWriteErrors();

// Flushes std::cout (help and version text); a failed write there turns `status` into 2.
int finishStandardOutput(int status);

class Output {
 public:
  // `path` empty or "-": standard output. `inputs` are the files the command reads ("-" for
  // standard input): an output that would replace one of them is refused (kUsage).
  static core::Result<std::unique_ptr<Output>> open(const std::string& path,
                                                    const std::vector<std::string>& inputs);
  ~Output();
  Output(const Output&) = delete;
  Output& operator=(const Output&) = delete;

  std::ostream& stream() { return stream_; }
  bool isTerminal() const;
  // Flushes, and makes a file target hold what was written; a kIo error names what failed.
  core::Status close();

 private:
  Output(core::OutputTarget target, int fd, bool ownsFd);

  core::OutputTarget target_;
  std::string name_;  // for messages
  int fd_ = -1;       // -1 for a file target, which is buffered until close()
  bool ownsFd_ = false;
  std::unique_ptr<core::DescriptorBuffer> descriptorBuffer_;
  std::stringbuf fileBuffer_;
  std::ostream stream_;
};

}  // namespace samshift::cli

// Inputs larger than memory allows: standard input is read only up to the size limit, and a
// command that runs out of memory says so and exits 2, never aborts. The command-line cases run
// the binary under a low address-space limit (ulimit -v), which a sanitizer build cannot take.

#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <cstdlib>
#include <sstream>
#include <streambuf>
#include <string>

#include "load/loader.h"
#include "test_support.h"

using namespace samshift;

namespace {

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kAddressSpaceLimitsWork = false;  // ASan reserves terabytes of address space
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kAddressSpaceLimitsWork = false;
#else
constexpr bool kAddressSpaceLimitsWork = true;
#endif
#else
constexpr bool kAddressSpaceLimitsWork = true;
#endif

// A stream of spaces that never ends, counting what was taken from it.
class EndlessSpaces : public std::streambuf {
 public:
  size_t taken() const { return taken_; }

 protected:
  int_type underflow() override {
    setg(buffer_, buffer_, buffer_ + sizeof buffer_);
    taken_ += sizeof buffer_;
    return traits_type::to_int_type(buffer_[0]);
  }

 private:
  char buffer_[4096] = {};
  size_t taken_ = 0;
};

// Runs a shell command line under an address-space limit (in KiB); stdout and stderr captured.
testing::CommandResult runLimited(size_t limitKiB, const std::string& commandLine) {
  testing::TempDir dir;
  std::string out = (dir.path() / "stdout").string();
  std::string err = (dir.path() / "stderr").string();
  std::string shell =
      "ulimit -v " + std::to_string(limitKiB) + "; " + commandLine + " >" + out + " 2>" + err;
  int status = std::system(shell.c_str());
  testing::CommandResult result;
  result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.out = testing::readFile(out);
  result.err = testing::readFile(err);
  return result;
}

const std::string kBinary = SAMSHIFT_BINARY;

}  // namespace

TEST_CASE("a stream is read only up to the size limit", "[limits]") {
  EndlessSpaces spaces;
  std::istream in(&spaces);
  load::LoadLimits limits;
  limits.maxBytes = 1 << 20;
  auto bytes = load::readLimited(in, "standard input", limits.maxBytes);
  REQUIRE(bytes.ok());
  auto doc = load::loadText("<stdin>", std::move(bytes).value(), limits);
  CHECK_FALSE(doc.parsed);
  REQUIRE(doc.problems.size() == 1);
  CHECK(doc.problems[0].message == "File is larger than the limit of 1048576 bytes");
  CHECK(spaces.taken() <= limits.maxBytes + 8192);  // the limit and a buffer, not the stream
  CHECK(doc.source.text().size() == 4096);          // only the start of a refused input is kept

  std::istringstream small("Resources: {}\n");
  auto fits = load::readLimited(small, "standard input", limits.maxBytes);
  REQUIRE(fits.ok());
  CHECK(load::loadText("<stdin>", std::move(fits).value()).parsed);
}

TEST_CASE("3 GB on standard input is refused after 64 MiB, in bounded memory", "[limits][cli]") {
  if (!kAddressSpaceLimitsWork) return;
  for (const char* command : {"lint", "expand", "plan"}) {
    INFO(command);
    auto result = runLimited(400 << 10, "head -c 3G /dev/zero | " + kBinary + " " + command + " -");
    CHECK(result.exitCode == 2);
    CHECK((result.out + result.err).find("File is larger than the limit of 67108864 bytes") !=
          std::string::npos);
  }
}

TEST_CASE("running out of memory is one message and exit 2, never an abort", "[limits][cli]") {
  if (!kAddressSpaceLimitsWork) return;
  testing::TempDir dir;
  // 3 million values: within the loader's limits, beyond 160 MiB of address space.
  std::string list = "[0";
  for (int i = 1; i < 3000000; ++i) list += ",0";
  testing::writeFile(dir.path() / "big.yaml", "Resources: " + list + "]\n");
  testing::writeFile(dir.path() / "small.yaml",
                     "Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Type: AWS::SQS::Queue\n");
  std::string big = (dir.path() / "big.yaml").string();
  std::string small = (dir.path() / "small.yaml").string();
  for (const char* command : {"lint", "expand", "plan"}) {
    INFO(command);
    auto result = runLimited(160 << 10, kBinary + " " + command + " " + big);
    CHECK(result.exitCode == 2);
    CHECK(result.err.find("out of memory: the input needs more memory than this process may use") !=
          std::string::npos);
  }
  // On lint's worker threads too: the file that ran out is named, the other one still linted.
  auto result = runLimited(160 << 10, kBinary + " lint -j2 --color never " + big + " " + small);
  CHECK(result.exitCode == 2);
  CHECK(result.err ==
        "samshift lint: " + big +
            ": out of memory: the input needs more memory than this process may use\n");
  CHECK(result.out.find(small + ":") != std::string::npos);
}

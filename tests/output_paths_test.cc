// Every command's output, whatever it is pointed at: write errors on standard output (a full
// device, a closed pipe, a file size limit) exit 2 with the cause; `-o` writes devices and FIFOs
// in place, replaces a regular file whole (through symlinks, keeping its mode) or not at all,
// and refuses directories, sockets and the command's own input.

#include <catch2/catch.hpp>

#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "child_process.h"
#include "core/atomic_file.h"
#include "test_support.h"

namespace fs = std::filesystem;
using samshift::testing::readFile;
using samshift::testing::TempDir;
using samshift::testing::writeFile;

namespace {

const char* kTemplate = "fixtures/expand/alias_basic/input.yaml";

using Run = samshift::testing::ChildResult;

Run spawn(const std::vector<std::string>& args, int stdoutFd,
          rlim_t fileSizeLimit = RLIM_INFINITY) {
  samshift::testing::ChildOptions options;
  options.stdoutFd = stdoutFd;
  options.fileSizeLimit = fileSizeLimit;
  return samshift::testing::runChild(args, options);
}

// Runs samshift while reading what it writes into `fifo`, until it has exited.
Run spawnReadingFifo(const std::vector<std::string>& args, const fs::path& fifo,
                     std::string& received) {
  int reader = ::open(fifo.c_str(), O_RDONLY | O_NONBLOCK);  // a reader, so a writer's open goes on
  REQUIRE(reader >= 0);
  samshift::testing::Child child(args, {});
  char buffer[1 << 16];
  while (true) {
    bool exited = child.exited();
    ssize_t count = ::read(reader, buffer, sizeof buffer);
    if (count > 0) {
      received.append(buffer, static_cast<size_t>(count));
    } else if (exited) {
      break;
    } else {
      ::usleep(1000);
    }
  }
  ::close(reader);
  return child.finish();
}

Run spawnToFile(const std::vector<std::string>& args, const fs::path& out,
                rlim_t fileSizeLimit = RLIM_INFINITY) {
  int fd = ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  Run run = spawn(args, fd, fileSizeLimit);
  ::close(fd);
  return run;
}

// A command and its arguments before `-o`; `input` is the file it reads, if any.
struct Command {
  std::vector<std::string> args;
  std::string input;
  int cleanStatus = 0;
};

std::vector<Command> everyCommand() {
  return {
      {{"lint", "--format", "sarif", kTemplate}, kTemplate, 0},
      {{"expand", kTemplate}, kTemplate, 0},
      {{"plan", "--format", "json", kTemplate}, kTemplate, 0},
      {{"rules"}, "", 0},
      {{"rule", "D002"}, "", 0},
  };
}

std::vector<std::string> withOutput(std::vector<std::string> args, const std::string& output) {
  args.insert(args.begin() + 1, {"-o", output});
  return args;
}

// What the command prints on a standard output that works.
std::string expectedOutput(const Command& command) {
  TempDir dir;
  Run run = spawnToFile(command.args, dir.path() / "out");
  REQUIRE(run.status == command.cleanStatus);
  std::string text = readFile(dir.path() / "out");
  REQUIRE(text.size() > 16);
  return text;
}

std::vector<std::string> entriesOf(const fs::path& directory) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(directory))
    names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace

TEST_CASE("write errors on standard output exit 2 naming the cause", "[cli][output]") {
  for (const Command& command : everyCommand()) {
    INFO(command.args[0]);
    SECTION("a full device: " + command.args[0]) {
      int full = ::open("/dev/full", O_WRONLY);
      REQUIRE(full >= 0);
      Run run = spawn(command.args, full);
      ::close(full);
      CHECK(run.status == 2);
      CHECK(run.err == "samshift " + command.args[0] +
                           ": cannot write standard output: No space left on device\n");
    }
    SECTION("a pipe nobody reads: " + command.args[0]) {
      int ends[2];
      REQUIRE(::pipe(ends) == 0);
      ::close(ends[0]);
      Run run = spawn(command.args, ends[1]);
      ::close(ends[1]);
      CHECK(run.status == 2);  // not SIGPIPE (141)
      CHECK(run.err ==
            "samshift " + command.args[0] + ": cannot write standard output: Broken pipe\n");
    }
    SECTION("a file size limit: " + command.args[0]) {
      TempDir dir;
      Run run = spawnToFile(command.args, dir.path() / "out", 16);
      CHECK(run.status == 2);  // not SIGXFSZ (153), not 0 with the output cut
      CHECK(run.err ==
            "samshift " + command.args[0] + ": cannot write standard output: File too large\n");
    }
  }
}

TEST_CASE("-o replaces a regular file whole, or leaves it as it was", "[cli][output]") {
  for (const Command& command : everyCommand()) {
    INFO(command.args[0]);
    std::string expected = expectedOutput(command);
    TempDir dir;
    fs::path target = dir.path() / "report.txt";
    writeFile(target, "old report\n");
    ::chmod(target.c_str(), 0640);
    fs::path link = dir.path() / "latest";
    fs::create_symlink("report.txt", link);

    // Killed by nothing and cut short by nothing: the file size limit makes the write fail.
    Run limited = spawn(withOutput(command.args, target.string()), -1, 16);
    CHECK(limited.status == 2);
    CHECK(limited.err.find("File too large") != std::string::npos);
    CHECK(readFile(target) == "old report\n");
    CHECK(entriesOf(dir.path()) == std::vector<std::string>{"latest", "report.txt"});

    // Through the symlink to the file it names; the link stays, the mode is kept.
    Run written = spawn(withOutput(command.args, link.string()), -1);
    CHECK(written.status == command.cleanStatus);
    CHECK(fs::is_symlink(link));
    CHECK(readFile(target) == expected);
    struct stat status {};
    REQUIRE(::stat(target.c_str(), &status) == 0);
    CHECK((status.st_mode & 07777) == 0640);
    CHECK(entriesOf(dir.path()) == std::vector<std::string>{"latest", "report.txt"});
  }
}

TEST_CASE("-o writes character devices and FIFOs in place", "[cli][output]") {
  for (const Command& command : everyCommand()) {
    INFO(command.args[0]);
    std::string expected = expectedOutput(command);
    TempDir dir;
    // A link to /dev/null: before, the link was replaced by a regular file (and, as root,
    // `-o /dev/null` replaced the device itself).
    fs::path null = dir.path() / "null";
    fs::create_symlink("/dev/null", null);
    Run toNull = spawn(withOutput(command.args, null.string()), -1);
    CHECK(toNull.status == command.cleanStatus);
    CHECK(fs::is_symlink(null));
    CHECK(fs::is_character_file("/dev/null"));

    fs::path fifo = dir.path() / "fifo";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    std::string received;
    Run toFifo = spawnReadingFifo(withOutput(command.args, fifo.string()), fifo, received);
    CHECK(toFifo.status == command.cleanStatus);
    CHECK(received == expected);
    CHECK(fs::is_fifo(fifo));

    // /dev/stdout is the standard output samshift was given, not a link to replace.
    Run toStdout = spawnToFile(withOutput(command.args, "/dev/stdout"), dir.path() / "stdout");
    CHECK(toStdout.status == command.cleanStatus);
    CHECK(readFile(dir.path() / "stdout") == expected);
  }
}

TEST_CASE("-o refuses directories, sockets and the command's own input", "[cli][output]") {
  TempDir dir;
  fs::create_directories(dir.path() / "reports");
  fs::path socketPath = dir.path() / "socket";
  int server = ::socket(AF_UNIX, SOCK_STREAM, 0);
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  std::snprintf(address.sun_path, sizeof address.sun_path, "%s", socketPath.c_str());
  REQUIRE(::bind(server, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
  for (const Command& command : everyCommand()) {
    INFO(command.args[0]);
    Run directory = spawn(withOutput(command.args, (dir.path() / "reports").string()), -1);
    CHECK(directory.status == 3);
    CHECK(directory.err.find("it is a directory\n") != std::string::npos);
    CHECK(fs::is_directory(dir.path() / "reports"));
    Run socket = spawn(withOutput(command.args, socketPath.string()), -1);
    CHECK(socket.status == 3);
    CHECK(socket.err.find("it is a socket\n") != std::string::npos);
    if (command.input.empty()) continue;

    fs::path input = dir.path() / "template.yaml";
    fs::copy_file(command.input, input, fs::copy_options::overwrite_existing);
    std::string original = readFile(input);
    fs::create_symlink(input, dir.path() / "link.yaml");
    fs::create_hard_link(input, dir.path() / "hard.yaml");
    std::vector<std::string> args = command.args;
    args.back() = input.string();
    for (const char* name : {"template.yaml", "link.yaml", "hard.yaml"}) {
      INFO(name);
      Run self = spawn(withOutput(args, (dir.path() / name).string()), -1);
      CHECK(self.status == 3);
      CHECK(self.err == "samshift " + command.args[0] + ": --output " +
                            (dir.path() / name).string() + " is the input " + input.string() +
                            "; refusing to replace it\n");
      CHECK(readFile(input) == original);
    }
    fs::remove(dir.path() / "link.yaml");
    fs::remove(dir.path() / "hard.yaml");
  }
  ::close(server);
}

TEST_CASE("an atomic write killed midway leaves no file behind", "[output]") {
  TempDir dir;
  fs::path target = dir.path() / "out.json";
  writeFile(target, "old");
  pid_t pid = ::fork();
  if (pid == 0) {
    // SIGXFSZ at its default kills the writer in the middle of writing the temporary file.
    ::signal(SIGXFSZ, SIG_DFL);
    struct rlimit limit {
      100, 100
    };
    ::setrlimit(RLIMIT_FSIZE, &limit);
    (void)samshift::core::writeFileAtomically(target.string(), std::string(4096, 'x'));
    ::_exit(0);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  REQUIRE(WIFSIGNALED(status));
  CHECK(WTERMSIG(status) == SIGXFSZ);
  CHECK(readFile(target) == "old");
  CHECK(entriesOf(dir.path()) == std::vector<std::string>{"out.json"});
}

TEST_CASE("a report written into the directory lint searches is not linted next time",
          "[cli][output]") {
  TempDir dir;
  fs::copy_file(kTemplate, dir.path() / "template.yaml");
  std::string report = (dir.path() / "report.json").string();
  std::vector<std::string> args{"lint", "--format", "json", "-o", report, dir.path().string()};
  CHECK(spawn(args, -1).status == 0);
  std::string first = readFile(report);
  Run again = spawn(args, -1);
  CHECK(again.status == 0);  // not 3: the report is no input
  CHECK(again.err.empty());
  CHECK(readFile(report) == first);
  // Named on the command line, it is an input all the same.
  args.push_back(report);
  CHECK(spawn(args, -1).status == 3);
}

// The command line as users meet it: exit codes, formats, ordering, standard input.

#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <filesystem>

#include "child_process.h"
#include "test_support.h"

namespace fs = std::filesystem;
using samshift::testing::ChildOptions;
using samshift::testing::kDuplicateKeyTemplate;
using samshift::testing::runChild;
using samshift::testing::runSamshift;
using samshift::testing::TempDir;
using samshift::testing::writeFile;

namespace {

const char* kClean =
    "Transform: AWS::Serverless-2016-10-31\n"
    "Resources:\n"
    "  Queue:\n"
    "    Type: AWS::SQS::Queue\n";

}  // namespace

TEST_CASE("--version and --help answer with exit 0", "[cli]") {
  auto version = runSamshift("--version");
  CHECK(version.exitCode == 0);
  CHECK(version.out.rfind("samshift ", 0) == 0);
  auto help = runSamshift("lint --help");
  CHECK(help.exitCode == 0);
  CHECK(help.out.find("usage: samshift lint") != std::string::npos);
}

TEST_CASE("bad usage exits 3", "[cli]") {
  CHECK(runSamshift("").exitCode == 3);
  CHECK(runSamshift("frobnicate").exitCode == 3);
  CHECK(runSamshift("lint").exitCode == 3);
  CHECK(runSamshift("lint --format xml x.yaml").exitCode == 3);
  CHECK(runSamshift("lint -j 0 x.yaml").exitCode == 3);
}

TEST_CASE("exit codes separate clean, findings and unreadable input", "[cli]") {
  TempDir dir;
  writeFile(dir.path() / "clean.yaml", kClean);
  writeFile(dir.path() / "dup.yaml", kDuplicateKeyTemplate);
  writeFile(dir.path() / "broken.yaml", "Resources: [\n");
  CHECK(runSamshift("lint " + (dir.path() / "clean.yaml").string()).exitCode == 0);
  auto dup = runSamshift("lint --color never " + (dir.path() / "dup.yaml").string());
  CHECK(dup.exitCode == 1);
  CHECK(dup.out ==
        (dir.path() / "dup.yaml").string() +
            ":4:5: error T002 [duplicate-key] Duplicate key `Type`; only the last value is used\n"
            "    note: " +
            (dir.path() / "dup.yaml").string() + ":3:5: `Type` first appears here\n");
  CHECK(runSamshift("lint " + (dir.path() / "broken.yaml").string()).exitCode == 2);
  auto missing = runSamshift("lint " + (dir.path() / "missing.yaml").string());
  CHECK(missing.exitCode == 2);
  CHECK(missing.err.find("cannot read") != std::string::npos);
  CHECK(runSamshift("lint --ignore T002 " + (dir.path() / "dup.yaml").string()).exitCode == 0);
}

TEST_CASE("standard input is linted as <stdin>", "[cli]") {
  auto result = runSamshift("lint --color never -", kDuplicateKeyTemplate);
  CHECK(result.exitCode == 1);
  CHECK(result.out.rfind("<stdin>:4:5: error T002", 0) == 0);
}

TEST_CASE("directories are searched; output follows input order whatever -j", "[cli]") {
  TempDir dir;
  for (int i = 0; i < 12; ++i) {
    writeFile(dir.path() / ("t" + std::to_string(10 + i) + ".yaml"), kDuplicateKeyTemplate);
  }
  writeFile(dir.path() / "notes.yaml", "just: a config file\n");
  writeFile(dir.path() / ".hidden" / "x.yaml", kDuplicateKeyTemplate);
  auto serial = runSamshift("lint --color never -j1 " + dir.path().string());
  auto parallel = runSamshift("lint --color never -j4 " + dir.path().string());
  CHECK(serial.exitCode == 1);
  CHECK(serial.out == parallel.out);
  CHECK(serial.out.find("notes.yaml") == std::string::npos);
  CHECK(serial.out.find(".hidden") == std::string::npos);
  CHECK(serial.out.find("t10.yaml") < serial.out.find("t21.yaml"));
}

TEST_CASE("JSON output is a documented array of findings", "[cli]") {
  auto result = runSamshift("lint --format json -", kDuplicateKeyTemplate);
  CHECK(result.exitCode == 1);
  CHECK(result.out.find("\"code\": \"T002\"") != std::string::npos);
  CHECK(result.out.find("\"line\": 4") != std::string::npos);
  CHECK(result.out.find("\"endColumn\": 9") != std::string::npos);
}

TEST_CASE("lint --region reads the template for that region, as expand does", "[cli]") {
  // SAM's FindInMap fails only where the region's key holds a list instead of a mapping.
  const std::string regional =
      "Mappings:\n"
      "  Apps:\n"
      "    ap-southeast-1:\n"
      "    - Id: not a mapping\n"
      "Resources:\n"
      "  App:\n"
      "    Type: AWS::Serverless::Application\n"
      "    Properties:\n"
      "      Location:\n"
      "        ApplicationId: !FindInMap [Apps, !Ref 'AWS::Region', Id]\n"
      "        SemanticVersion: 1.0.0\n";
  auto home = runSamshift("lint --select T006 -", regional);
  CHECK(home.exitCode == 0);
  auto there = runSamshift("lint --select T006 --region ap-southeast-1 -", regional);
  CHECK(there.exitCode == 1);
  CHECK(there.out.find("<stdin>:10:24: error T006") != std::string::npos);
  CHECK(there.out.find("not a a two-level map") != std::string::npos);
  auto expand = runSamshift("expand --region ap-southeast-1 -", regional);
  CHECK(expand.exitCode == 1);
  CHECK(expand.err.find("<stdin>:10:24: error T006") != std::string::npos);
  CHECK(runSamshift("lint --region '' -", regional).exitCode == 3);
}

TEST_CASE("lint --strict-uris reads the template as deployed without sam package", "[cli]") {
  // A project fresh from `sam init`: `sam package` uploads ./src and writes its S3 URI.
  const std::string local =
      "Transform: AWS::Serverless-2016-10-31\n"
      "Resources:\n"
      "  Fn:\n"
      "    Type: AWS::Serverless::Function\n"
      "    Properties:\n"
      "      CodeUri: ./src\n"
      "      Handler: app.handler\n"
      "      Runtime: python3.12\n";
  CHECK(runSamshift("lint --select T006 -", local).exitCode == 0);
  auto strict = runSamshift("lint --select T006 --strict-uris -", local);
  CHECK(strict.exitCode == 1);
  CHECK(strict.out.find("<stdin>:6:16: error T006") != std::string::npos);
  // The same node expand --strict-uris rejects.
  auto expand = runSamshift("expand --strict-uris -", local);
  CHECK(expand.exitCode == 1);
  CHECK(expand.err.find("<stdin>:6:16: error T006") != std::string::npos);
}

TEST_CASE("--fail-level decides which findings fail the run", "[cli]") {
  auto result = runSamshift("lint --fail-level error -", kClean);
  CHECK(result.exitCode == 0);
}

TEST_CASE("hostile input exits 2 with the problem and its place", "[cli][hostile]") {
  std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n";
  for (char c = 'b'; c <= 'j'; ++c) {
    std::string prev(1, static_cast<char>(c - 1));
    bomb += std::string(1, c) + ": &" + std::string(1, c) + " [*" + prev + ", *" + prev + ", *" +
            prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev +
            ", *" + prev + "]\n";
  }
  auto result = runSamshift("lint --color never -", bomb);
  CHECK(result.exitCode == 2);
  CHECK(result.out.rfind("<stdin>:", 0) == 0);
  CHECK(result.out.find("error T001 [syntax-error] Aliases expand to more than 200000 nodes") !=
        std::string::npos);

  auto deep = runSamshift("lint --color never -", "Resources: " + std::string(200000, '[') + "\n");
  CHECK(deep.exitCode == 2);
  CHECK(deep.out.find("<stdin>:1:") == 0);
  CHECK(deep.out.find("Nesting deeper than 512 levels") != std::string::npos);

  auto binary = runSamshift("lint --color never -", std::string("Resources:\n  A: \x01\n", 17));
  CHECK(binary.exitCode == 2);
  CHECK(binary.out ==
        "<stdin>:2:6: error T001 [syntax-error] Unacceptable character U+0001: control characters "
        "are "
        "not allowed in a template\n");
}

TEST_CASE("--templates-only skips named files that are not templates", "[cli]") {
  TempDir dir;
  writeFile(dir.path() / "workflow.yml", "on: push\njobs: {}\n");
  writeFile(dir.path() / "stack.yaml", kDuplicateKeyTemplate);
  std::string files =
      (dir.path() / "workflow.yml").string() + " " + (dir.path() / "stack.yaml").string();
  auto strict = runSamshift("lint --color never " + files);
  CHECK(strict.out.find("workflow.yml:1:1: error T003") != std::string::npos);
  auto relaxed = runSamshift("lint --color never --templates-only " + files);
  CHECK(relaxed.exitCode == 1);
  CHECK(relaxed.out.find("workflow.yml") == std::string::npos);
  CHECK(relaxed.out.find("stack.yaml:4:5: error T002") != std::string::npos);
}

TEST_CASE("a directory that cannot be searched is reported, and the rest is linted",
          "[cli][discovery]") {
  TempDir dir;
  writeFile(dir.path() / "tree" / "open" / "a.yaml", kDuplicateKeyTemplate);
  writeFile(dir.path() / "tree" / "locked" / "b.yaml", kDuplicateKeyTemplate);
  ::chmod((dir.path() / "tree" / "locked").c_str(), 0);
  ChildOptions asNobody;  // root reads any directory; nobody does not
  asNobody.asNobody = true;
  std::string tree = (dir.path() / "tree").string();
  auto partly = runChild({"lint", "--color", "never", tree}, asNobody);
  CHECK(partly.status == 2);  // was 1: the locked directory was skipped silently
  CHECK(partly.err == "samshift lint: cannot search " + tree + "/locked: Permission denied\n");

  ::chmod(tree.c_str(), 0);
  auto none = runChild({"lint", tree}, asNobody);
  CHECK(none.status == 2);  // was 0
  CHECK(none.err == "samshift lint: cannot search " + tree + ": Permission denied\n");
  ::chmod(tree.c_str(), 0755);
  ::chmod((dir.path() / "tree" / "locked").c_str(), 0755);
}

TEST_CASE("symlinks in a searched directory are followed only inside it, each file once",
          "[cli][discovery]") {
  TempDir dir;
  writeFile(dir.path() / "secret" / "s.yaml",
            std::string(kDuplicateKeyTemplate) + "# TOP SECRET\n");
  writeFile(dir.path() / "project" / "sub" / "in.yaml", kDuplicateKeyTemplate);
  fs::create_symlink("../secret/s.yaml", dir.path() / "project" / "outside.yaml");
  fs::create_symlink("../secret", dir.path() / "project" / "outside");
  fs::create_symlink("sub/in.yaml", dir.path() / "project" / "alias.yaml");
  fs::create_symlink("..", dir.path() / "project" / "sub" / "loop");
  fs::create_symlink("missing.yaml", dir.path() / "project" / "dangling.yaml");
  std::string project = (dir.path() / "project").string();
  auto result = runSamshift("lint --color never " + project);
  CHECK(result.exitCode == 1);
  CHECK(result.err.empty());
  CHECK(result.out ==
        project +
            "/sub/in.yaml:4:5: error T002 [duplicate-key] Duplicate key `Type`; only the last "
            "value is used\n    note: " +
            project + "/sub/in.yaml:3:5: `Type` first appears here\n");
  // Named on the command line, a link is taken as given.
  auto named = runSamshift("lint --color never " + project + "/outside.yaml");
  CHECK(named.exitCode == 1);
  CHECK(named.out.find(project + "/outside.yaml:4:5: error T002") == 0);
}

TEST_CASE("lint -j goes on when no thread can start", "[cli]") {
  TempDir dir;
  for (const char* name : {"a.yaml", "b.yaml", "c.yaml", "d.yaml", "e.yaml", "f.yaml"}) {
    writeFile(dir.path() / name, kDuplicateKeyTemplate);
  }
  auto expected = runSamshift("lint --color never -j1 " + dir.path().string());
  TempDir outDir;
  std::string outPath = (outDir.path() / "out").string();
  ChildOptions limited;
  limited.asNobody = true;   // root is exempt from the process limit
  limited.processLimit = 1;  // this process is the one: every thread fails to start
  // LeakSanitizer, in a sanitizer build, would need a thread of its own for its check at exit.
  const char* asan = std::getenv("ASAN_OPTIONS");
  limited.environment.push_back(std::string("ASAN_OPTIONS=") + (asan ? asan : "") +
                                ":detect_leaks=0");
  limited.stdoutFd = ::open(outPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  auto result = runChild({"lint", "--color", "never", "-j4", dir.path().string()}, limited);
  ::close(limited.stdoutFd);
  CHECK(result.status == 1);  // was 134: std::system_error escaped and aborted
  CHECK(result.err.empty());
  CHECK(samshift::testing::readFile(outPath) == expected.out);
}

TEST_CASE("standard input is read no further than the size limit", "[cli][hostile]") {
  for (const char* command : {"lint", "plan"}) {  // expand reads as plan does
    INFO(command);
    int ends[2];
    REQUIRE(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, ends) ==
            0);  // EOF needs every end closed
    TempDir outDir;
    std::string outPath = (outDir.path() / "out").string();
    ChildOptions options;
    options.stdinFd = ends[1];
    options.stdoutFd = ::open(outPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    samshift::testing::Child child({command, "-"}, options);
    ::close(options.stdoutFd);
    ::close(ends[1]);
    // Offer 100 MiB; samshift must stop taking it soon after the 64 MiB limit.
    const size_t offered = 100u << 20;
    std::string chunk(1 << 20, ' ');
    size_t accepted = 0;
    while (accepted < offered) {
      ssize_t sent = ::send(ends[0], chunk.data(), chunk.size(), MSG_NOSIGNAL);
      if (sent < 0 && errno == EINTR) continue;
      if (sent <= 0) break;
      accepted += static_cast<size_t>(sent);
    }
    ::close(ends[0]);
    auto result = child.finish();
    CHECK(result.status == 2);
    CHECK(accepted < (66u << 20));
    std::string report =
        result.err + samshift::testing::readFile(outPath);  // lint reports it as a finding
    CHECK(report.find("<stdin>:1:1: error T001 [syntax-error] ") != std::string::npos);
    CHECK(report.find("File is larger than the limit of 67108864 bytes") != std::string::npos);
  }
}

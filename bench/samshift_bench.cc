// Benchmark helper: generates synthetic SAM templates and measures the parse floor (the YAML
// event parse of the same bytes with no model) against loading and linting them.
//
//   samshift_bench generate N        a template with N functions, each with AutoPublishAlias, a
//                                    DeploymentPreference with hooks and alarms, its alarm and hook
//   samshift_bench parse FILE...     per file: best-of-N milliseconds for each stage
//   samshift_bench time RUNS -- PROGRAM ARGS...
//                                    best wall time (ms) and peak RSS (KiB) of a process
//   samshift_bench per-file RUNS PROGRAM SUBCOMMAND FILE...
//                                    one process per file (best of RUNS each): median and p90
//                                    milliseconds over the files, and the largest peak RSS

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/parser.h>
#include <yaml.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <functional>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "engine/runner.h"
#include "load/loader.h"
#include "load/yaml_loader.h"

namespace {

using Clock = std::chrono::steady_clock;

std::string syntheticTemplate(int functions) {
  std::ostringstream out;
  out << "AWSTemplateFormatVersion: '2010-09-09'\nTransform: AWS::Serverless-2016-10-31\n"
      << "Globals:\n  Function:\n    Runtime: python3.12\n    Timeout: 10\nResources:\n";
  for (int i = 0; i < functions; ++i) {
    std::string fn = "Service" + std::to_string(i);
    out << "  " << fn << "Function:\n"
        << "    Type: AWS::Serverless::Function\n"
        << "    Properties:\n"
        << "      Handler: app.handler\n"
        << "      CodeUri: s3://artifacts/" << fn << ".zip\n"
        << "      MemorySize: 512\n"
        << "      AutoPublishAlias: live\n"
        << "      Environment:\n        Variables:\n          TABLE: !Sub '${AWS::StackName}-" << fn
        << "'\n"
        << "      DeploymentPreference:\n"
        << "        Type: Canary10Percent5Minutes\n"
        << "        Alarms:\n          - !Ref " << fn << "Errors\n"
        << "        Hooks:\n          PreTraffic: !Ref " << fn << "PreTrafficHook\n"
        << "  " << fn << "Errors:\n"
        << "    Type: AWS::CloudWatch::Alarm\n"
        << "    Properties:\n"
        << "      Namespace: AWS/Lambda\n      MetricName: Errors\n      Statistic: Sum\n"
        << "      Period: 60\n      EvaluationPeriods: 1\n      Threshold: 1\n"
        << "      ComparisonOperator: GreaterThanOrEqualToThreshold\n"
        << "      Dimensions:\n"
        << "        - Name: Resource\n          Value: !Sub '${" << fn << "Function}:live'\n"
        << "        - Name: FunctionName\n          Value: !Ref " << fn << "Function\n"
        << "  " << fn << "PreTrafficHook:\n"
        << "    Type: AWS::Serverless::Function\n"
        << "    Properties:\n"
        << "      FunctionName: CodeDeployHook_" << fn << "PreTraffic\n"
        << "      Handler: hooks.pre_traffic\n"
        << "      CodeUri: s3://artifacts/hooks.zip\n"
        << "      DeploymentPreference:\n        Enabled: false\n"
        << "      Policies:\n"
        << "        - Version: '2012-10-17'\n          Statement:\n"
        << "            - Effect: Allow\n              Action: "
           "codedeploy:PutLifecycleEventHookExecutionStatus\n"
        << "              Resource: '*'\n"
        << "            - Effect: Allow\n              Action: lambda:InvokeFunction\n"
        << "              Resource: !Ref " << fn << "Function.Version\n"
        << "      Environment:\n        Variables:\n          TARGET: !Ref " << fn
        << "Function.Version\n";
  }
  return out.str();
}

struct NullHandler : YAML::EventHandler {
  size_t events = 0;
  void OnDocumentStart(const YAML::Mark&) override { ++events; }
  void OnDocumentEnd() override { ++events; }
  void OnNull(const YAML::Mark&, YAML::anchor_t) override { ++events; }
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override { ++events; }
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t,
                const std::string&) override {
    ++events;
  }
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {
    ++events;
  }
  void OnSequenceEnd() override { ++events; }
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {
    ++events;
  }
  void OnMapEnd() override { ++events; }
};

size_t yamlCppEvents(const std::string& text) {
  std::istringstream in(text);
  YAML::Parser parser(in);
  NullHandler handler;
  while (parser.HandleNextDocument(handler)) {
  }
  return handler.events;
}

size_t libyamlEvents(const std::string& text) {
  yaml_parser_t parser;
  yaml_parser_initialize(&parser);
  yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char*>(text.data()),
                               text.size());
  size_t events = 0;
  while (true) {
    yaml_event_t event;
    if (!yaml_parser_parse(&parser, &event)) break;
    bool done = event.type == YAML_STREAM_END_EVENT;
    yaml_event_delete(&event);
    ++events;
    if (done) break;
  }
  yaml_parser_delete(&parser);
  return events;
}

// Best of `runs` in milliseconds: the least disturbed measurement.
double bestMs(int runs, const std::function<void()>& body) {
  double best = 1e300;
  for (int i = 0; i < runs; ++i) {
    auto start = Clock::now();
    body();
    best = std::min(best, std::chrono::duration<double, std::milli>(Clock::now() - start).count());
  }
  return best;
}

int parse(int argc, char** argv) {
  std::printf("%-44s %9s %9s %9s %9s %9s %9s\n", "file", "KiB", "libyaml", "yaml-cpp", "load",
              "load(cpp)", "lint");
  for (int i = 2; i < argc; ++i) {
    std::ifstream in(argv[i], std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    std::string text = bytes.str();
    // Rounds run every measure once, in turn, so a slow spell of the machine hits them alike;
    // each figure is the best of its rounds.
    int rounds = text.size() > (1u << 20) ? 5 : 10;
    const std::function<void()> measures[] = {
        [&] { libyamlEvents(text); },
        [&] { yamlCppEvents(text); },
        [&] { samshift::load::loadText(argv[i], text); },
        [&] {
          samshift::model::Document doc;
          doc.source = samshift::core::SourceFile(argv[i], text);
          samshift::load::loadYaml(doc, {}, samshift::load::YamlParser::kYamlCpp);
        },
        [&] {
          auto doc = samshift::load::loadText(argv[i], text);
          samshift::engine::lintDocument(doc, {});
        },
    };
    double best[5] = {1e300, 1e300, 1e300, 1e300, 1e300};
    for (int round = 0; round < rounds; ++round) {
      for (int m = 0; m < 5; ++m) best[m] = std::min(best[m], bestMs(1, measures[m]));
    }
    auto [libyaml, yamlCpp, load, loadCpp, lint] = best;
    std::string name = argv[i];
    if (name.size() > 44) name = "…" + name.substr(name.size() - 43);
    std::printf("%-44s %9.1f %9.2f %9.2f %9.2f %9.2f %9.2f\n", name.c_str(), text.size() / 1024.0,
                libyaml, yamlCpp, load, loadCpp, lint);
  }
  return 0;
}

struct ProcessFigures {
  double ms = 0;
  long maxRssKiB = 0;
  int exitCode = 0;
};

// Runs a program with its output discarded; wall time and the child's peak RSS.
ProcessFigures runProcess(const std::vector<std::string>& args) {
  std::vector<char*> argv;
  for (const std::string& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
  argv.push_back(nullptr);
  auto start = Clock::now();
  pid_t pid = fork();
  if (pid == 0) {
    std::freopen("/dev/null", "w", stdout);
    std::freopen("/dev/null", "w", stderr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  int status = 0;
  struct rusage usage {};
  wait4(pid, &status, 0, &usage);
  ProcessFigures figures;
  figures.ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
  figures.maxRssKiB = usage.ru_maxrss;
  figures.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return figures;
}

ProcessFigures bestOf(int runs, const std::vector<std::string>& args) {
  ProcessFigures best;
  best.ms = 1e300;
  for (int i = 0; i < runs; ++i) {
    ProcessFigures one = runProcess(args);
    best.ms = std::min(best.ms, one.ms);
    best.maxRssKiB = std::max(best.maxRssKiB, one.maxRssKiB);
    best.exitCode = one.exitCode;
  }
  return best;
}

double percentile(std::vector<double> values, double p) {
  std::sort(values.begin(), values.end());
  size_t index = static_cast<size_t>(p * static_cast<double>(values.size() - 1) + 0.5);
  return values[std::min(index, values.size() - 1)];
}

int timeCommand(int argc, char** argv) {
  int runs = std::stoi(argv[2]);
  std::vector<std::string> args(argv + 4, argv + argc);
  ProcessFigures figures = bestOf(runs, args);
  std::printf("%.2f ms %ld KiB exit %d\n", figures.ms, figures.maxRssKiB, figures.exitCode);
  return 0;
}

int perFile(int argc, char** argv) {
  int runs = std::stoi(argv[2]);
  std::vector<double> times;
  long maxRss = 0;
  for (int i = 5; i < argc; ++i) {
    ProcessFigures figures = bestOf(runs, {argv[3], argv[4], argv[i]});
    times.push_back(figures.ms);
    maxRss = std::max(maxRss, figures.maxRssKiB);
  }
  if (times.empty()) return 3;
  std::printf("median %.2f ms p90 %.2f ms max-rss %ld KiB files %zu\n", percentile(times, 0.5),
              percentile(times, 0.9), maxRss, times.size());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::string command = argc > 1 ? argv[1] : "";
  if (command == "generate" && argc == 3) {
    std::cout << syntheticTemplate(std::stoi(argv[2]));
    return 0;
  }
  if (command == "parse" && argc > 2) return parse(argc, argv);
  if (command == "time" && argc > 4 && std::string(argv[3]) == "--") return timeCommand(argc, argv);
  if (command == "per-file" && argc > 5) return perFile(argc, argv);
  std::cerr << "usage: samshift_bench generate N | parse FILE... | time RUNS -- PROGRAM ARGS... |"
               " per-file RUNS PROGRAM SUBCOMMAND FILE...\n";
  return 3;
}

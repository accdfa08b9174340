#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>

#include <iostream>

namespace {

// Prints the closing line CI reads: the number of test cases that passed and failed.
struct CaseCountListener : Catch::TestEventListenerBase {
  using TestEventListenerBase::TestEventListenerBase;
  void testRunEnded(const Catch::TestRunStats& stats) override {
    const Catch::Counts& cases = stats.totals.testCases;
    std::cout << "\ntests: " << cases.passed << " passed, " << cases.failed << " failed\n";
  }
};

}  // namespace

CATCH_REGISTER_LISTENER(CaseCountListener)

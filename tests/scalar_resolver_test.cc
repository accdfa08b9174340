#include <catch2/catch.hpp>

#include <cmath>
#include <cstdio>
#include <limits>
#include <string>

#include "model/scalar_resolver.h"

using samshift::model::Node;
using samshift::model::NodeKind;

namespace {

struct Case {
  const char* text;
  NodeKind kind;
  const char*
      value;  // PyYAML's value: "true"/"false", decimal int, Python float repr, or the string
};

const Case kCases[] = {
#include "scalar_table.inc"
};

std::string valueOf(const Node& node) {
  switch (node.kind()) {
    case NodeKind::kBool:
      return node.boolValue() ? "true" : "false";
    case NodeKind::kInt:
      return std::to_string(node.intValue());
    case NodeKind::kFloat: {
      double v = node.floatValue();
      if (std::isnan(v)) return "nan";
      if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
      return std::to_string(v);
    }
    case NodeKind::kString:
      return node.text();
    default:
      return "";
  }
}

}  // namespace

TEST_CASE("plain scalars are typed as PyYAML's SafeLoader types them", "[model][yaml11]") {
  for (const Case& c : kCases) {
    Node node;
    samshift::model::resolvePlainScalar(c.text, node);
    INFO("scalar: " << c.text);
    CHECK(node.kind() == c.kind);
    if (c.kind == NodeKind::kFloat) {
      std::string expected = c.value;
      if (expected == "nan" || expected == "inf" || expected == "-inf") {
        CHECK(valueOf(node) == expected);
      } else {
        CHECK(node.floatValue() == Approx(std::stod(expected)).epsilon(1e-15));
      }
    } else {
      CHECK(valueOf(node) == c.value);
    }
  }
}

TEST_CASE("scalars keep their text as written", "[model][yaml11]") {
  Node node;
  samshift::model::resolvePlainScalar("0x1F", node);
  CHECK(node.text() == "0x1F");
  CHECK(node.intValue() == 31);
}

TEST_CASE("integers beyond 64 bits keep their exact value", "[model][yaml11]") {
  using samshift::model::BigInteger;
  auto resolved = [](const char* text) {
    Node node;
    samshift::model::resolvePlainScalar(text, node);
    return node;
  };
  Node big = resolved("123456789012345678901234567890");
  CHECK(big.kind() == NodeKind::kFloat);  // the nearest double, for rules that compare numbers
  CHECK(samshift::model::bigInteger(big) == BigInteger::kDecimal);
  CHECK(samshift::model::bigIntegerDigits(big) == "123456789012345678901234567890");
  CHECK(samshift::model::bigIntegerDigits(resolved("-1_000_000_000_000_000_000_000")) ==
        "-1000000000000000000000");
  CHECK(samshift::model::bigIntegerDigits(resolved("+99999999999999999999")) ==
        "99999999999999999999");
  for (const char* other :
       {"0x1234567890abcdef1234567890abcdef", "0777777777777777777777777777",
        "0b11111111111111111111111111111111111111111111111111111111111111111111",
        "1:00:00:00:00:00:00:00:00:00:00:00:00"}) {
    INFO(other);
    CHECK(samshift::model::bigInteger(resolved(other)) == BigInteger::kOtherBase);
  }
  for (const char* no : {"9223372036854775807", "1.5e300", "1234567890123456789012.0", ".inf"}) {
    INFO(no);
    CHECK(samshift::model::bigInteger(resolved(no)) == BigInteger::kNo);
  }
}

TEST_CASE("the 64-bit extremes are integers, the smallest without overflow", "[model][yaml11]") {
  // -9223372036854775808 has a magnitude one past INT64_MAX: negating it as int64_t was
  // undefined behaviour (UBSan stops this test without the fix).
  auto resolved = [](const char* text) {
    Node node;
    samshift::model::resolvePlainScalar(text, node);
    return node;
  };
  Node smallest = resolved("-9223372036854775808");
  CHECK(smallest.kind() == NodeKind::kInt);
  CHECK(smallest.intValue() == std::numeric_limits<int64_t>::min());
  Node largest = resolved("9223372036854775807");
  CHECK(largest.kind() == NodeKind::kInt);
  CHECK(largest.intValue() == std::numeric_limits<int64_t>::max());
  CHECK(resolved("-9223372036854775809").kind() == NodeKind::kFloat);
}

// AWS::Serverless::WebSocketApi: the route-key part of its logical IDs, and the templates SAM's
// Python fails on, which expand reports as not supported rather than guessing (the goldens under
// fixtures/expand/*websocket* hold the outputs and rejections).

#include <catch2/catch.hpp>

#include "sam/websocket_api.h"
#include "test_support.h"

using namespace samshift;

namespace {

// What expand does not support in a template of one WebSocketApi with these properties.
std::string unsupported(const std::string& properties) {
  return testing::expandUnsupported(
      "Resources:\n  Ws:\n    Type: AWS::Serverless::WebSocketApi\n    Properties:\n"
      "      RouteSelectionExpression: $request.body.action\n" +
      properties);
}

}  // namespace

TEST_CASE("a WebSocketApi route's ID part is SAM's special name or str.capitalize",
          "[expand][websocket]") {
  CHECK(sam::webSocketRouteIdPart("$connect") == "Connect");
  CHECK(sam::webSocketRouteIdPart("$disconnect") == "Disconnect");
  CHECK(sam::webSocketRouteIdPart("$default") == "Default");
  CHECK(sam::webSocketRouteIdPart("sendMessage") == "Sendmessage");
  CHECK(sam::webSocketRouteIdPart("9lives") == "9lives");
  CHECK_FALSE(sam::webSocketRouteIdPart("$other"));
  CHECK_FALSE(sam::webSocketRouteIdPart("send-message"));
  CHECK_FALSE(sam::webSocketRouteIdPart(""));
}

TEST_CASE("a WebSocketApi SAM's Python fails on is not supported", "[expand][websocket]") {
  CHECK(unsupported("      Routes: {$connect: {FunctionArn: a}}\n").empty());
  CHECK(unsupported("      Routes: {$connect: [a]}\n") ==
        "WebSocketApi route $connect that is not a mapping (Ws)");
  CHECK(unsupported("      Routes: {$connect: {FunctionArn: a}}\n      Auth: {AuthType: 3}\n") ==
        "a WebSocketApi Auth.AuthType that is not a string (SAM's Python fails on it) (Ws)");
  CHECK(
      unsupported("      Routes: {$connect: {FunctionArn: a}, \"\\u00e9\": {FunctionArn: b}}\n") ==
      "WebSocketApi route key \u00e9 with letters beyond ASCII (Ws)");
  CHECK(unsupported("      Routes: {$connect: {FunctionArn: a}}\n"
                    "      Domain: {DomainName: a.example.com, CertificateArn: arn}\n")
            .empty());
}

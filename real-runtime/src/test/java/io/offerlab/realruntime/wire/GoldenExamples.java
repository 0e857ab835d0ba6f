package io.offerlab.realruntime.wire;

import java.util.List;

/**
 * Corrected copies of the JSON examples in Mesos' {@code docs/scheduler-http-api.md}, one per call and event. The
 * originals are not all valid against the 1.11 protos; each correction is named in {@code fixes}.
 */
final class GoldenExamples {
  /** One example: the call or event type, the corrected JSON and what was corrected. */
  record Example(String type, boolean call, String json, String fixes) {
  }

  private GoldenExamples() {
  }

  static final List<Example> ALL = List.of(
      new Example("SUBSCRIBE", true, """
          {
             "type"		: "SUBSCRIBE",
             "subscribe"	: {
                "framework_info"	: {
                  "user" :  "foo",
                  "name" :  "Example HTTP Framework"
                },
                "force" : true
            }
          }""", "none (force is unknown in 1.11 and ignored)"),
      new Example("TEARDOWN", true, """
          {
            "framework_id"	: {"value" : "12220-3440-12532-2345"},
            "type"			: "TEARDOWN"
          }""", "trailing comma removed"),
      new Example("ACCEPT", true, """
          {
            "framework_id"	: {"value" : "12220-3440-12532-2345"},
            "type"			: "ACCEPT",
            "accept"			: {
              "offer_ids"		: [
                                 {"value" : "12220-3440-12532-O12"},
                                 {"value" : "12220-3440-12532-O13"}
                                ],
              "operations"	: [ {"type" : "LAUNCH", "launch" : {"task_infos" : [{
                  "name" : "t1", "task_id" : {"value" : "t1"}, "agent_id" : {"value" : "12220-3440-12532-S1233"},
                  "resources" : [
                    {"name" : "cpus", "type" : "SCALAR", "scalar" : {"value" : 0.5}},
                    {"name" : "ports", "type" : "RANGES", "ranges" : {"range" : [{"begin" : 31000, "end" : 31001}]}}],
                  "command" : {"shell" : true, "value" : "echo hi"}}]}} ],
              "filters"		: {"refuse_seconds" : 5.0}
            }
          }""", "'{...}' placeholders filled with a LAUNCH of one command task and refuse_seconds; "
              + "the second offer id made distinct"),
      new Example("DECLINE", true, """
          {
            "framework_id"	: {"value" : "12220-3440-12532-2345"},
            "type"			: "DECLINE",
            "decline"			: {
              "offer_ids"	: [
                             {"value" : "12220-3440-12532-O12"},
                             {"value" : "12220-3440-12532-O13"}
                            ],
              "filters"	: {"refuse_seconds" : 60.0}
            }
          }""", "'{...}' filters filled"),
      new Example("REVIVE", true, """
          {
            "framework_id"	: {"value" : "12220-3440-12532-2345"},
            "type"			: "REVIVE",
            "revive"		: {"roles" : ["*"]}
          }""", "trailing comma removed; 'role' is 'roles' (repeated) in 1.11"),
      new Example("SUPPRESS", true, """
          {
            "framework_id"	: {"value" : "12220-3440-12532-2345"},
            "type"			: "SUPPRESS",
            "suppress"		: {"roles" : ["*"]}
          }""", "not in the document; written after REVIVE"),
      new Example("KILL", true, """
          {
            "framework_id"	: {"value" : "12220-3440-12532-2345"},
            "type"			: "KILL",
            "kill"			: {
              "task_id"	:  {"value" : "12220-3440-12532-my-task"},
              "agent_id"	:  {"value" : "12220-3440-12532-S1233"}
            }
          }""", "none"),
      new Example("SHUTDOWN", true, """
          {
            "framework_id"	: {"value" : "12220-3440-12532-2345"},
            "type"			: "SHUTDOWN",
            "shutdown"		: {
              "executor_id"	:  {"value" : "123450-2340-1232-my-executor"},
              "agent_id"		:  {"value" : "12220-3440-12532-S1233"}
            }
          }""", "none"),
      new Example("ACKNOWLEDGE", true, """
          {
            "framework_id"	: {"value" : "12220-3440-12532-2345"},
            "type"			: "ACKNOWLEDGE",
            "acknowledge"		: {
              "agent_id"	:  {"value" : "12220-3440-12532-S1233"},
              "task_id"	:  {"value" : "12220-3440-12532-my-task"},
              "uuid"		:  "jhadf73jhakdlfha723adf=="
            }
          }""", "uuid 'jhadf73jhakdlfha723adf' is not padded Base64 (22 characters): '==' added"),
      new Example("RECONCILE", true, """
          {
            "framework_id"	: {"value" : "12220-3440-12532-2345"},
            "type"			: "RECONCILE",
            "reconcile"		: {
              "tasks"		: [
                             { "task_id"  : { "value" : "312325" },
                               "agent_id" : { "value" : "123535" }
                             }
                            ]
            }
          }""", "none"),
      new Example("MESSAGE", true, """
          {
            "framework_id"	: {"value" : "12220-3440-12532-2345"},
            "type"			: "MESSAGE",
            "message"			: {
              "agent_id"       : {"value" : "12220-3440-12532-S1233"},
              "executor_id"    : {"value" : "my-framework-executor"},
              "data"           : "adaf838jahd748jnaldf"
            }
          }""", "none"),
      new Example("REQUEST", true, """
          {
            "framework_id"	: {"value" : "12220-3440-12532-2345"},
            "type"			: "REQUEST",
            "request"		: {"requests" : [
                {
                   "agent_id"       : {"value" : "12220-3440-12532-S1233"},
                   "resources"      : []
                }
            ]}
          }""", "'requests' wrapped in 'request'; 'resources' is a list, not an object; trailing comma removed"),
      new Example("SUBSCRIBED", false, """
          {
           "type"			: "SUBSCRIBED",
           "subscribed"	: {
               "framework_id"               : {"value":"12220-3440-12532-2345"},
               "heartbeat_interval_seconds" : 15
            }
          }""", "none"),
      new Example("OFFERS", false, """
          {
            "type"	: "OFFERS",
            "offers"	: {"offers" : [
              {
                "id":{"value": "12214-23523-O235235"},
                "framework_id":{"value": "12124-235325-32425"},
                "agent_id":{"value": "12325-23523-S23523"},
                "hostname":"agent.host",
                "url":{"scheme":"http","address":{"hostname":"agent.host","ip":"127.0.0.1","port":5051},
                       "path":"/slave(1)"},
                "resources":[
                  {"name":"cpus","type":"SCALAR","scalar":{"value":2.0}},
                  {"name":"mem","type":"SCALAR","scalar":{"value":1024.0}},
                  {"name":"ports","type":"RANGES","ranges":{"range":[{"begin":31000,"end":32000}]}}],
                "attributes":[],
                "executor_ids":[]
              }
            ]}
          }""", "offers wrapped in 'offers'; 'offer_id' is 'id'; '[...]' resources filled; url added"),
      new Example("RESCIND", false, """
          {
            "type"	: "RESCIND",
            "rescind"	: {
              "offer_id"	: { "value" : "12214-23523-O235235"}
            }
          }""", "none"),
      new Example("UPDATE", false, """
          {
            "type"	: "UPDATE",
            "update"	: {
              "status"	: {
                  "task_id"	: { "value" : "12344-my-task"},
                  "state"		: "TASK_RUNNING",
                  "source"	: "SOURCE_EXECUTOR",
                  "uuid"		: "adfadfadbhgvjayd23r2uahj",
                  "data"		: "uhdjfhuagdj63d7hadkf"
                }
            }
          }""", "'bytes' is 'data'"),
      new Example("MESSAGE", false, """
          {
            "type"	: "MESSAGE",
            "message"	: {
              "agent_id"		: { "value" : "12214-23523-S235235"},
              "executor_id"	: { "value" : "12214-23523-my-executor"},
              "data"			: "adfadf3t2wa3353dfadf"
            }
          }""", "none"),
      new Example("FAILURE", false, """
          {
            "type"	: "FAILURE",
            "failure"	: {
              "agent_id"		: { "value" : "12214-23523-S235235"},
              "executor_id"	: { "value" : "12214-23523-my-executor"},
              "status"		: 1
            }
          }""", "none"),
      new Example("ERROR", false, """
          {
            "type"	: "ERROR",
            "error"	: {"message" : "Framework is not authorized"}
          }""", "'message' wrapped in 'error'"),
      new Example("HEARTBEAT", false, """
          {
            "type"	: "HEARTBEAT"
          }""", "trailing comma removed"));
}

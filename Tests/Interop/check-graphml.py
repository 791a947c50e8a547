"""Checks that NetworkX reads ActorGraph's GraphML with every attribute.

Usage: check-graphml.py GRAPH.graphml GRAPH.json

GRAPH.json is the same extraction as JSON: an article graph (actorgraph/1) or
a corpus graph (actorgraph-corpus/1). The script loads the GraphML with
networkx.read_graphml and checks that every actor (and, for an article, every
event) is a node with its attributes typed as declared, and that every role,
interaction and relation is an edge. Exits 1 with one line per problem.
"""
import json
import sys

import networkx as nx


def main(graphml_path, json_path):
    try:
        graph = nx.read_graphml(graphml_path)
    except Exception as error:  # NetworkX refuses the file: that is the finding
        print(f"{graphml_path}: NetworkX cannot read it: {type(error).__name__}: {error}", file=sys.stderr)
        return 1
    with open(json_path, encoding="utf-8") as f:
        source = json.load(f)
    problems = []

    def expect(condition, message):
        if not condition:
            problems.append(message)

    corpus = source["schema"] == "actorgraph-corpus/1"
    for actor in source["actors"]:
        node = graph.nodes.get(actor["id"])
        if node is None:
            problems.append(f"actor {actor['id']} is not a node")
            continue
        expect(node.get("kind") == "actor", f"{actor['id']}: kind is {node.get('kind')!r}")
        expect(node.get("label") == actor["name"], f"{actor['id']}: label is {node.get('label')!r}")
        expect(node.get("type") == actor["type"], f"{actor['id']}: type is {node.get('type')!r}")
        for key in ("subtype", "country", "sector"):
            expect(node.get(key) == actor.get(key), f"{actor['id']}: {key} is {node.get(key)!r}, not {actor.get(key)!r}")
        mentions = actor["mentions"] if corpus else len(actor["mentions"])
        expect(node.get("mentions") == mentions and isinstance(node.get("mentions"), int),
               f"{actor['id']}: mentions is {node.get('mentions')!r}, not {mentions}")
        if corpus:
            expect(node.get("documents") == len(actor["documents"]), f"{actor['id']}: documents is {node.get('documents')!r}")
            expect(node.get("firstDate") == actor.get("firstDate"), f"{actor['id']}: firstDate is {node.get('firstDate')!r}")

    edges = {}
    for source_id, target_id, data in graph.edges(data=True):
        edges.setdefault((source_id, target_id, data.get("kind"), data.get("label")), []).append(data)

    if corpus:
        expect(graph.number_of_nodes() == len(source["actors"]), f"{graph.number_of_nodes()} nodes for {len(source['actors'])} actors")
        for edge in source["edges"]:
            found = edges.get((edge["source"], edge["target"], "interaction", edge["type"]), [])
            expect(len(found) == 1 and found[0].get("weight") == edge["weight"] and isinstance(found[0].get("weight"), int),
                   f"edge {edge['source']} {edge['type']} {edge['target']}: found {found}")
    else:
        expect(graph.number_of_nodes() == len(source["actors"]) + len(source["events"]),
               f"{graph.number_of_nodes()} nodes for {len(source['actors'])} actors and {len(source['events'])} events")
        for event in source["events"]:
            node = graph.nodes.get(event["id"], {})
            expect(node.get("kind") == "event" and node.get("type") == event["type"], f"event {event['id']}: {node}")
            expect(node.get("factuality") == event["factuality"], f"event {event['id']}: factuality {node.get('factuality')!r}")
            expect(isinstance(node.get("confidence"), float), f"event {event['id']}: confidence {node.get('confidence')!r}")
            expect(isinstance(node.get("sentence"), int), f"event {event['id']}: sentence {node.get('sentence')!r}")
            for role in event["roles"]:
                ends = (role["actor"], event["id"]) if role["role"] == "source" else (event["id"], role["actor"])
                expect(ends + ("role", role["role"]) in edges, f"event {event['id']}: no {role['role']} edge to {role['actor']}")
    actor_ids = {actor["id"] for actor in source["actors"]}
    for relation in source["relations"]:
        if relation["source"] in actor_ids and relation["target"] in actor_ids:
            expect((relation["source"], relation["target"], "relation", relation["type"]) in edges,
                   f"relation {relation['source']} {relation['type']} {relation['target']} is not an edge")

    for problem in problems:
        print(f"{graphml_path}: {problem}", file=sys.stderr)
    if problems:
        return 1
    kind = "corpus" if corpus else "article"
    print(f"{graphml_path}: {kind} graph read by NetworkX {nx.__version__}: "
          f"{graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges, all attributes present")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print("usage: check-graphml.py GRAPH.graphml GRAPH.json", file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1], sys.argv[2]))

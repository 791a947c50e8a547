/// Finding the actor of each role around a trigger: subjects, objects,
/// prepositional phrases, possessors, agents of passives.
extension EventExtractor {
    static let ofPhrase = [[EventLexicon.Word.of.rawValue]]
    static let byPhrase = [[EventLexicon.Word.by.rawValue]]

    func find(_ slot: CompiledSlot, trigger: Range<Int>, clause: Range<Int>, nominal: Bool, passive: Bool,
                      view: ClauseView, used: [Range<Int>], verbs: [Int]) -> ClauseView.MentionRef? {
        var slot = slot
        if passive {
            if slot == .subject { slot = .by } else if slot == .object { slot = .subject }
        }
        let result: ClauseView.MentionRef?
        switch slot {
        case .subject:
            result = nominal ? (possessor(of: trigger, view: view) ?? lightVerbSubject(of: trigger, clause: clause, view: view))
                             : subject(before: trigger.lowerBound, clause: clause, view: view, verbs: verbs)
        case .object:
            if nominal {
                result = after(Self.ofPhrase, trigger: trigger, clause: clause, view: view, used: used)
            } else {
                result = trigger.upperBound < clause.upperBound && !view.stopsPhrase(trigger.upperBound)
                    ? view.headMention(from: trigger.upperBound, before: clause.upperBound) : nil
            }
        case .possessor:
            // Only a noun has a possessor; before a verb the same actor is its subject.
            result = nominal ? possessor(of: trigger, view: view) : nil
        case .by:
            result = after(Self.byPhrase, trigger: trigger, clause: clause, view: view, used: used)
        case .after(let phrases):
            result = after(phrases, trigger: trigger, clause: clause, view: view, used: used)
        }
        guard let result, !used.contains(result.tokens) else { return nil }
        return result
    }

    /// The nearest actor before `index` in its clause that is not the object
    /// of a preposition ("the policy of Ynet News agrees" is not Ynet agreeing).
    /// A relative clause in between is skipped ("Amnesty, which has declared
    /// Navalny a prisoner, demanded"). With `verbs`, the search stops at another
    /// verb trigger: a verb's subject stands before it with no other verb between.
    /// `verbs` are token positions in text order.
    func subject(before index: Int, clause: Range<Int>, view: ClauseView, verbs: [Int] = []) -> ClauseView.MentionRef? {
        var position = index - 1
        let sentenceStart = view.text.sentences[view.text.sentence(containing: index)].tokens.lowerBound
        // The walk goes back through the verbs from the last one before `index`, found by
        // binary search: a sentence may hold any number of them.
        var low = 0, high = verbs.count
        while low < high {
            let middle = (low + high) / 2
            if verbs[middle] < index { low = middle + 1 } else { high = middle }
        }
        var nextVerb = low - 1
        while position >= sentenceStart {
            let order = view.clauseOrder(position, relativeTo: min(index, view.text.tokens.count - 1))
            if order < 0 {
                // The relative clause's own subject is its antecedent: "Trump, who was impeached".
                let opener = position + 1
                guard view.has(.relativePronoun, at: opener), position >= sentenceStart,
                      view.is(.comma, at: position), position > sentenceStart, let antecedent = view.mention(at: position - 1),
                      antecedent.via != .demonym else { return nil }
                return antecedent
            }
            if order > 0 { position -= 1; continue }      // inside a nested relative clause
            while nextVerb >= 0 && verbs[nextVerb] > position { nextVerb -= 1 }
            if nextVerb >= 0 && verbs[nextVerb] == position { return nil }
            if let ref = view.mention(at: position) {
                if !isPrepositionalObject(ref, clause: clause, view: view) { return ref }
                position = ref.tokens.lowerBound - 1
                continue
            }
            position -= 1
        }
        return nil
    }

    /// Whether a preposition heads the phrase of `ref`: "on French President
    /// Emmanuel Macron", "in eastern Ukraine", "of Donetsk and Luhansk". A
    /// boundary word that opens the clause ("after Putin recognised") is a
    /// conjunction there, not a preposition.
    func isPrepositionalObject(_ ref: ClauseView.MentionRef, clause: Range<Int>, view: ClauseView) -> Bool {
        var position = ref.tokens.lowerBound - 1
        var plainWords = 0
        while position >= clause.lowerBound {
            let token = view.text.tokens[position]
            if view.has(.preposition, at: position) {
                if position == clause.lowerBound && view.has(.boundary, at: position) { return false }
                // "Secretary of State Antony Blinken": an "of" between capitalized words is inside a name.
                if view.is(.of, at: position), position > clause.lowerBound, position + 1 < ref.tokens.lowerBound,
                   view.text.tokens[position - 1].flags.contains(.capitalized), view.text.tokens[position + 1].flags.contains(.capitalized) {
                    position -= 1
                    continue
                }
                // "thousands of Russian troops": the phrase after a quantity is the head.
                return !(view.is(.of, at: position) && position > clause.lowerBound && view.has(.quantity, at: position - 1))
            }
            if let other = view.mention(at: position) {
                guard other.via == .demonym || other.via == .title else { return false }
                position = other.tokens.lowerBound - 1
            } else if view.is(.and, at: position) || view.is(.or, at: position) {
                // A conjunct shares its phrase's preposition: "of Donetsk and Luhansk".
                guard position > clause.lowerBound, let before = view.mention(at: position - 1) else { return false }
                return isPrepositionalObject(before, clause: clause, view: view)
            } else if view.has(.determiner, at: position) || (token.kind == .word && token.flags.contains(.capitalized)) {
                position -= 1
            } else if token.kind == .word && plainWords < 2 && !view.has([.auxiliary, .conjunction, .lightVerb], at: position) {
                plainWords += 1      // an adjective: "in eastern Ukraine"
                position -= 1
            } else {
                return false
            }
        }
        return false
    }

    /// "Gantz's trip", "Israeli strikes": the actor right before a noun trigger.
    func possessor(of trigger: Range<Int>, view: ClauseView) -> ClauseView.MentionRef? {
        var position = trigger.lowerBound - 1
        guard position >= 0 else { return nil }
        if view.text.tokens[position].flags.contains(.possessive) { position -= 1 }
        guard position >= 0, let ref = view.mention(at: position), ref.tokens.upperBound == position + 1 else { return nil }
        return ref
    }

    /// The subject lent to a noun trigger by the verb before it: a light verb
    /// ("Macron called a national security meeting") or a form of *be* ("Macron's
    /// phone was on a list of targets").
    func lightVerbSubject(of trigger: Range<Int>, clause: Range<Int>, view: ClauseView) -> ClauseView.MentionRef? {
        var position = trigger.lowerBound - 1
        while position >= clause.lowerBound && position >= trigger.lowerBound - 7 {
            if view.has([.lightVerb, .beForm], at: position) {
                return subject(before: position, clause: clause, view: view)
            }
            if position > clause.lowerBound && view.isTwoWordLightVerb(endingAt: position) {
                return subject(before: position - 1, clause: clause, view: view)
            }
            // Another verb's object is not this noun's: "set up a commission to investigate allegations".
            if view.hasMention(at: position) || view.text.tokens[position].kind == .punctuation
                || view.has(.conjunction, at: position) || view.is(.to, at: position) { return nil }
            position -= 1
        }
        return nil
    }

    /// The first actor after one of `phrases`, which must begin within six
    /// words after the trigger, in its clause.
    func after(_ phrases: [[UInt32]], trigger: Range<Int>, clause: Range<Int>, view: ClauseView,
                       used: [Range<Int>]) -> ClauseView.MentionRef? {
        let end = min(clause.upperBound, trigger.upperBound + 6)
        var position = trigger.lowerBound + 1
        while position < end {
            for phrase in phrases where matches(phrase, at: position, view: view, limit: clause.upperBound)
                && !endsComplexPreposition(phrase, at: position, view: view) {
                if let ref = view.headMention(from: position + phrase.count, before: clause.upperBound), !used.contains(ref.tokens) { return ref }
            }
            position += 1
        }
        return nil
    }

    /// Whether `phrase` at `position` is only the tail of a longer preposition: the "of" of "on behalf of".
    func endsComplexPreposition(_ phrase: [UInt32], at position: Int, view: ClauseView) -> Bool {
        for complex in complexPrepositionIDs where complex.count > phrase.count && complex.suffix(phrase.count).elementsEqual(phrase) {
            let start = position - (complex.count - phrase.count)
            if start >= 0 && matches(complex, at: start, view: view, limit: position + phrase.count) { return true }
        }
        return false
    }
}

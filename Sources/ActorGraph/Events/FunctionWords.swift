/// Closed-class English words the clause chunker relies on.
enum FunctionWords {
    static let prepositions: Set<String> = [
        "about", "above", "across", "after", "against", "along", "amid", "among", "around", "as", "at", "before",
        "behind", "below", "beneath", "beside", "between", "beyond", "by", "concerning", "despite", "during",
        "except", "following", "for", "from", "in", "inside", "into", "like", "near", "of", "off", "on", "onto",
        "outside", "over", "past", "per", "regarding", "since", "through", "throughout", "to", "toward",
        "towards", "under", "until", "upon", "via", "with", "within", "without", "using",
    ]
    static let auxiliaries: Set<String> = [
        "is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "having", "will", "would",
        "shall", "should", "can", "could", "may", "might", "must", "do", "does", "did", "won't", "can't",
    ]
    static let beForms: Set<String> = ["is", "are", "was", "were", "be", "been", "being", "am", "get", "gets", "got", "'s"]
    static let conjunctions: Set<String> = [
        "and", "or", "but", "nor", "so", "yet", "that", "which", "who", "whom", "whose", "while", "whereas",
        "because", "although", "though", "if", "when", "where", "than",
    ]
    /// Words that open a relative clause.
    static let relativePronouns: Set<String> = ["which", "who", "whom", "whose"]
    static let determiners: Set<String> = [
        "the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my", "your",
        "some", "any", "every", "each", "no", "another", "several", "many",
    ]
    /// Words of quantity before "of": "thousands of Russian troops".
    static let quantities: Set<String> = [
        "tens", "hundreds", "thousands", "millions", "dozens", "scores", "some", "many", "most", "all", "none",
        "one", "two", "three", "several", "number", "group", "members", "majority", "part", "half", "rest",
    ]
    /// Adverbs that may stand between an auxiliary and its verb.
    static let adverbs: Set<String> = [
        "not", "never", "also", "allegedly", "reportedly", "already", "recently", "previously", "then", "still",
        "just", "now", "repeatedly", "publicly", "formally", "officially", "secretly", "later", "again", "n't",
    ]
    /// Verbs that take an event noun as object and lend it their subject: "held talks", "called a meeting".
    static let lightVerbs = [
        "hold", "make", "pay", "call", "launch", "open", "conduct", "carry out", "have", "announce", "set up",
        "begin", "order", "stage", "organize", "organise", "lead", "level", "issue", "release", "impose", "file",
        "bring", "lodge", "start", "convene", "host", "attend", "plan", "postpone", "cancel", "schedule",
    ]
    /// Prepositions of several words, whose last word alone means something else.
    static let complexPrepositions: [[String]] = [
        ["on", "behalf", "of"], ["instead", "of"], ["because", "of"], ["ahead", "of"], ["in", "favour", "of"],
        ["in", "favor", "of"], ["in", "front", "of"], ["in", "charge", "of"], ["in", "support", "of"],
        ["in", "spite", "of"], ["as", "part", "of"], ["on", "top", "of"], ["in", "the", "wake", "of"], ["in", "wake", "of"],
        ["according", "to"], ["due", "to"], ["next", "to"], ["prior", "to"], ["close", "to"], ["thanks", "to"],
        ["in", "addition", "to"], ["in", "response", "to"], ["with", "regard", "to"], ["subject", "to"],
    ]
}

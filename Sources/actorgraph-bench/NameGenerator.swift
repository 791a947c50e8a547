import ActorGraph
import Foundation

/// Deterministic gazetteers of realistic multi-word names for the matching
/// benchmark: the bundled aliases first (real names that occur in news), then
/// generated people and organizations, with no folded duplicate.
///
/// The same count gives the same list on every machine, so that ActorGraph
/// and the peer matchers (`Benchmarks/peers/`) read the same file.
enum NameGenerator {
    static let givenNames = """
        James Mary John Patricia Robert Jennifer Michael Linda David Elizabeth William Barbara Richard Susan Joseph Jessica \
        Thomas Sarah Charles Karen Christopher Lisa Daniel Nancy Matthew Betty Anthony Sandra Mark Margaret Donald Ashley \
        Steven Kimberly Andrew Emily Paul Donna Joshua Michelle Kenneth Carol Kevin Amanda Brian Melissa George Deborah \
        Timothy Stephanie Ronald Rebecca Jason Laura Edward Sharon Jeffrey Cynthia Ryan Kathleen Jacob Amy Gary Angela \
        Nicholas Anna Eric Brenda Jonathan Pamela Stephen Emma Larry Nicole Justin Helen Scott Samantha Brandon Katherine \
        Ahmed Fatima Mohammed Aisha Omar Layla Hassan Yasmin Ali Noor Ibrahim Mariam Yusuf Zainab Karim Leila Tariq Huda \
        Wei Li Ming Hui Jun Mei Hiroshi Yuki Kenji Akiko Min-jun Seo-yeon Raj Priya Arjun Ananya Vikram Deepa Sanjay Kavya \
        Olga Ivan Natalia Dmitri Svetlana Sergei Irina Andriy Oksana Piotr Agnieszka Tomasz Katarzyna Jan Eva Lukas Anna \
        Pierre Camille Jean Chloe Luc Manon Hans Greta Klaus Ingrid Marco Giulia Luca Chiara Pablo Lucia Javier Carmen \
        Joao Ana Pedro Beatriz Kwame Ama Chidi Ngozi Tunde Amina Sipho Thandiwe Juma Wanjiru Kofi Abena Emeka Folake
        """.split(separator: " ").map(String.init)

    static let familyNames = """
        Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Gonzalez Wilson Anderson \
        Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris Sanchez Clark Ramirez Lewis Robinson Walker \
        Young Allen King Wright Scott Torres Nguyen Hill Flores Green Adams Nelson Baker Hall Rivera Campbell Mitchell \
        Carter Roberts Gomez Phillips Evans Turner Diaz Parker Cruz Edwards Collins Reyes Stewart Morris Morales Murphy \
        Cook Rogers Gutierrez Ortiz Morgan Cooper Peterson Bailey Reed Kelly Howard Ramos Kim Cox Ward Richardson Watson \
        Khan Hussein Rahman Haddad Saleh Nasser Mansour Aziz Farouk Hamdan Qureshi Siddiqui Chaudhry Malik Sheikh Barakat \
        Wang Zhang Liu Chen Yang Huang Zhao Zhou Wu Xu Sun Ma Zhu Hu Guo Tanaka Suzuki Takahashi Watanabe Sato Park Choi \
        Jung Kang Cho Patel Sharma Singh Kumar Gupta Reddy Iyer Nair Das Mehta Joshi Ivanov Smirnov Kuznetsov Popov Petrov \
        Sokolov Volkov Kovalenko Shevchenko Bondarenko Nowak Kowalski Wisniewski Novak Horvat Muller Schmidt Schneider \
        Fischer Weber Becker Wagner Rossi Russo Ferrari Esposito Bianchi Romano Dubois Lefebvre Moreau Laurent Bernard \
        Fernandes Silva Santos Oliveira Pereira Costa Almeida Okafor Adeyemi Mensah Owusu Kamau Otieno Mwangi Ndlovu Dlamini \
        Nkosi Diallo Traore Keita Toure Bangura Kargbo Abebe Tesfaye Haile Girma Yilmaz Kaya Demir Sahin Celik Ozturk
        """.split(separator: " ").map(String.init)

    /// Organization shapes; `@` is a place name.
    static let organizationShapes = [
        "@ City Council", "University of @", "@ State University", "@ Chamber of Commerce", "@ Police Department",
        "@ General Hospital", "@ Football Club", "Bank of @", "@ Port Authority", "@ Water Board", "@ Public Library",
        "@ Chamber Orchestra", "@ Bar Association", "@ Teachers Union", "@ Transit Authority", "@ Regional Court",
        "@ Electoral Commission", "@ Stock Exchange", "@ Institute of Technology", "@ Development Agency",
    ]

    /// The first `count` names.
    static func names(count: Int, bundled: Gazetteer) -> [String] {
        var names: [String] = []
        var seen = Set<String>()
        func add(_ name: String) -> Bool {
            guard names.count < count, seen.insert(name.lowercased()).inserted else { return names.count < count }
            names.append(name)
            return names.count < count
        }
        // Bundled aliases of two or more words or letters, spread evenly over the files when fewer are wanted.
        var aliases: [String] = []
        var places: [String] = []
        for entity in bundled.entities {
            for alias in entity.aliases where alias.text.count >= 3 && alias.text.contains(where: \.isLetter) {
                aliases.append(alias.text)
            }
            if entity.type == .city || entity.type == .country { places.append(entity.name) }
        }
        let stride = max(1, aliases.count / max(count / 2, 1))
        for index in Swift.stride(from: 0, to: aliases.count, by: stride) where !add(aliases[index]) { return names }
        // Then people and organizations from a fixed pseudo-random sequence.
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        while true {
            let name: String
            switch next(10) {
            case 0 ..< 3:
                name = givenNames[next(givenNames.count)] + " " + familyNames[next(familyNames.count)]
            case 3 ..< 8:
                name = givenNames[next(givenNames.count)] + " " + givenNames[next(givenNames.count)] + " " + familyNames[next(familyNames.count)]
            default:
                let shape = organizationShapes[next(organizationShapes.count)]
                name = shape.replacingOccurrences(of: "@", with: places[next(places.count)])
            }
            if !add(name) { return names }
        }
    }
}

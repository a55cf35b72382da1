namespace ClinicBot.Knowledge;

/// <summary>The answer topics, named exactly as in the evaluation README.</summary>
public static class TopicNames
{
    public const string WhatIsKetamineTherapy = "what_is_ketamine_therapy";
    public const string MechanismNmda = "mechanism_nmda";
    public const string MechanismPlasticity = "mechanism_plasticity";
    public const string MechanismBdnf = "mechanism_bdnf";
    public const string OnsetSpeed = "onset_speed";
    public const string ComprehensivePlan = "comprehensive_plan";
    public const string PermanenceMaintenance = "permanence_maintenance";
    public const string ConsultProfessional = "consult_professional";
    public const string Hours = "hours";
    public const string OpenNow = "open_now";
    public const string LocationAddress = "location_address";
    public const string DirectionsParkingSuite = "directions_parking_suite";
    public const string PhoneContact = "phone_contact";
    public const string Fax = "fax";
    public const string BookCall = "book_call";
    public const string Crisis = "crisis";
    public const string OutOfScope = "out_of_scope";
    public const string Greeting = "greeting";
    public const string ThanksGoodbye = "thanks_goodbye";
    public const string Help = "help";

    public static IReadOnlyList<string> All { get; } =
    [
        WhatIsKetamineTherapy, MechanismNmda, MechanismPlasticity, MechanismBdnf, OnsetSpeed, ComprehensivePlan,
        PermanenceMaintenance, ConsultProfessional, Hours, OpenNow, LocationAddress, DirectionsParkingSuite,
        PhoneContact, Fax, BookCall, Crisis, OutOfScope, Greeting, ThanksGoodbye, Help,
    ];
}

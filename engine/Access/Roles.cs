namespace Routing.Engine.Access;

public static class Roles
{
    public const string Csm = "csm";
    public const string DepartmentHead = "department-head";
    public const string Admin = "admin";
    public const string Auditor = "auditor";
    public static readonly string[] All = [Csm, DepartmentHead, Admin, Auditor];
}

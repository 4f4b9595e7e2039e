using Gates.Core.Text;

namespace Gates.Core.Tests.Text;

public class LinkHeaderTests
{
    [Fact]
    public void The_next_link_is_found_among_others_however_rel_is_written()
    {
        LinkHeader.Next("<https://x/api?page=1>; rel=\"prev\", <https://x/api?page=3>; rel=\"next\"").ShouldBe("https://x/api?page=3");
        LinkHeader.Next("<https://x/api?page=2>;rel=next").ShouldBe("https://x/api?page=2");
        LinkHeader.Next("<https://x/api?page=2>; rel = \"next\"").ShouldBe("https://x/api?page=2");
    }

    [Fact]
    public void No_next_link_is_null()
    {
        LinkHeader.Next("<https://x/api?page=1>; rel=\"first\", <https://x/api?page=9>; rel=\"last\"").ShouldBeNull();
        LinkHeader.Next("").ShouldBeNull();
        LinkHeader.Next("https://x/api?page=2; rel=\"next\"").ShouldBeNull();
    }
}
